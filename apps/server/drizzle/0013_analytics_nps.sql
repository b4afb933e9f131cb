ALTER TABLE "analytics_conversations" ADD COLUMN "nps" integer;
--> statement-breakpoint
-- Answers recorded before NPS became an analytics fact: their facts and the per-conversation column.
INSERT INTO "analytics_facts" ("id", "workspace_id", "conversation_id", "kind", "key", "at", "value", "detail")
SELECT r."id", r."workspace_id", r."conversation_id", 'nps', '', r."created_at", r."score", CASE WHEN r."comment" IS NOT NULL THEN jsonb_build_object('comment', r."comment") END
FROM "nps_responses" r
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "analytics_conversations" c SET "nps" = r."score"
FROM "nps_responses" r
WHERE r."workspace_id" = c."workspace_id" AND r."conversation_id" = c."conversation_id" AND c."nps" IS NULL;
