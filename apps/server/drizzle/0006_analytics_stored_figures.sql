DROP INDEX "analytics_conversations_open_idx";--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "settled_outcome" text GENERATED ALWAYS AS ((case
    when status in ('resolved', 'closed') or (status = 'pending' and handed_off_at is not null and assigned_at is null) then
      (case when assigned_at is not null then 'human' when handed_off_at is not null then (case when status = 'resolved' then 'human' else 'abandoned' end) else 'bot' end)
  end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "idle_outcome" text GENERATED ALWAYS AS ((case when status = 'bot' and customer_messages > 0 then
    (case when assigned_at is not null then 'human' when handed_off_at is not null then 'abandoned' else 'bot' end) end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "fr_ms" double precision GENERATED ALWAYS AS ((case when least(first_bot_at, first_agent_at) >= first_customer_at then extract(epoch from (least(first_bot_at, first_agent_at) - first_customer_at)) * 1000 end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "frb_ms" double precision GENERATED ALWAYS AS ((case when first_bot_at >= first_customer_at then extract(epoch from (first_bot_at - first_customer_at)) * 1000 end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "frh_ms" double precision GENERATED ALWAYS AS ((case when first_agent_at >= handed_off_at then extract(epoch from (first_agent_at - handed_off_at)) * 1000 end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "wait_ms" double precision GENERATED ALWAYS AS ((case when assigned_at >= handed_off_at then extract(epoch from (assigned_at - handed_off_at)) * 1000 end)) STORED;--> statement-breakpoint
ALTER TABLE "analytics_conversations" ADD COLUMN "handle_ms" double precision GENERATED ALWAYS AS ((case when resolved_at >= assigned_at then extract(epoch from (resolved_at - assigned_at)) * 1000 end)) STORED;--> statement-breakpoint
CREATE INDEX "analytics_conversations_waiting_idx" ON "analytics_conversations" USING btree ("workspace_id","status") WHERE status in ('queued', 'assigned', 'pending');--> statement-breakpoint
CREATE INDEX "analytics_conversations_bot_idx" ON "analytics_conversations" USING btree ("workspace_id","last_activity_at") WHERE status = 'bot';