CREATE TABLE "routing_offers" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid,
	"offered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"declined_by" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "routing_offers_workspace_agent_idx" ON "routing_offers" USING btree ("workspace_id","agent_id");