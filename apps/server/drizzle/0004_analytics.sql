CREATE TABLE "analytics_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics_conversations" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"channel" text,
	"intent" text,
	"intent_at" timestamp with time zone,
	"customer_messages" integer DEFAULT 0 NOT NULL,
	"bot_replies" integer DEFAULT 0 NOT NULL,
	"bot_answers" integer DEFAULT 0 NOT NULL,
	"bot_fallbacks" integer DEFAULT 0 NOT NULL,
	"last_bot_kind" text,
	"last_bot_entry" text,
	"last_bot_at" timestamp with time zone,
	"first_customer_at" timestamp with time zone,
	"first_bot_at" timestamp with time zone,
	"handoff_trigger" text,
	"handed_off_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"agent_id" uuid,
	"team_id" uuid,
	"agent_at" timestamp with time zone,
	"first_agent_at" timestamp with time zone,
	"agent_messages" integer DEFAULT 0 NOT NULL,
	"status" text,
	"status_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"reopened" integer DEFAULT 0 NOT NULL,
	"csat" integer,
	"answers_rated" integer DEFAULT 0 NOT NULL,
	"answers_helpful" integer DEFAULT 0 NOT NULL,
	"emotion_messages" integer DEFAULT 0 NOT NULL,
	"negative_messages" integer DEFAULT 0 NOT NULL,
	"emotion_sum" integer DEFAULT 0 NOT NULL,
	"max_emotion" integer,
	"last_activity_at" timestamp with time zone,
	CONSTRAINT "analytics_conversations_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text,
	"agent_id" uuid,
	"team_id" uuid,
	"intent" text,
	"entry_id" uuid,
	"value" double precision,
	"label" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_alerts_open_idx" ON "analytics_alerts" USING btree ("workspace_id","kind","subject") WHERE acknowledged_at is null;--> statement-breakpoint
CREATE INDEX "analytics_alerts_raised_idx" ON "analytics_alerts" USING btree ("workspace_id","raised_at");--> statement-breakpoint
CREATE INDEX "analytics_conversations_started_idx" ON "analytics_conversations" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "analytics_conversations_open_idx" ON "analytics_conversations" USING btree ("workspace_id","status") WHERE status in ('bot', 'queued', 'assigned', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_facts_key_idx" ON "analytics_facts" USING btree ("workspace_id","conversation_id","kind","key");--> statement-breakpoint
CREATE INDEX "analytics_facts_kind_at_idx" ON "analytics_facts" USING btree ("workspace_id","kind","at");