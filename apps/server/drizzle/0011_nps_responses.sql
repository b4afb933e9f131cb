CREATE TABLE "nps_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "nps_responses_conversation_idx" ON "nps_responses" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "nps_responses_workspace_time_idx" ON "nps_responses" USING btree ("workspace_id","created_at");