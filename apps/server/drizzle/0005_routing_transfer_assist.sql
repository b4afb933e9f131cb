CREATE TABLE "canned_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"shortcut" text NOT NULL,
	"title" text NOT NULL,
	"texts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "routing_offers" ADD COLUMN "team_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "canned_responses_workspace_shortcut_idx" ON "canned_responses" USING btree ("workspace_id","shortcut");--> statement-breakpoint
CREATE INDEX "canned_responses_workspace_idx" ON "canned_responses" USING btree ("workspace_id","title");