import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';

// What the system tells customers and agents about transfers, supervisors and left messages, in zh and en.
export type NoticeLanguage = 'zh' | 'en';
export type OverflowReasonCode = 'after_hours' | 'nobody_online' | 'queue_length' | 'wait';

export const notices = {
  transferring: (l: NoticeLanguage) => (l === 'en' ? 'Transferring you to a colleague who can help further. Please hold on.' : '正在为您转接其他客服，请稍候。'),
  transferNote: (l: NoticeLanguage, target: string, note: string | null) =>
    (l === 'en' ? `Transferred to ${target}.` : `已转接给 ${target}。`) + (note ? (l === 'en' ? ` Note: ${note}` : ` 备注：${note}`) : ''),
  reassigned: (l: NoticeLanguage, name: string) => (l === 'en' ? `A supervisor reassigned this conversation to ${name}.` : `主管已将会话改派给 ${name}。`),
  supervisorJoined: (l: NoticeLanguage, name: string) => (l === 'en' ? `Supervisor ${name} has joined the conversation.` : `客服主管 ${name} 已加入会话。`),
  overflow: (l: NoticeLanguage, reason: OverflowReasonCode) => {
    const why = {
      after_hours: ['现在是非工作时间，人工客服暂时无法接待。', 'We are outside our service hours right now.'],
      nobody_online: ['现在没有人工客服在线。', 'No agent is available at the moment.'],
      queue_length: ['现在排队的客户较多。', 'Many customers are waiting right now.'],
      wait: ['预计等待时间较长。', 'The expected wait is long.'],
    }[reason];
    return l === 'en'
      ? `${why[1]} You can keep waiting, leave a message, or tell us when to call you back.`
      : `${why[0]}您可以继续等待，也可以留言或预约回电时间，我们会尽快联系您。`;
  },
  leaveMessageAction: (l: NoticeLanguage) => (l === 'en' ? 'Leave a message' : '留言'),
  callbackAction: (l: NoticeLanguage) => (l === 'en' ? 'Request a callback' : '预约回电'),
  messageLeft: (l: NoticeLanguage, callbackAt: string | null) =>
    l === 'en'
      ? `Thank you, we have your message${callbackAt ? ' and will call you back at the time you chose' : ' and will get back to you as soon as we can'}.`
      : `已收到您的留言${callbackAt ? '，我们会在您预约的时间回电' : '，我们会尽快联系您'}，感谢您的耐心。`,
  followUpNote: (l: NoticeLanguage, left: { email?: string | undefined; phone?: string | undefined; callbackAt?: string | undefined }) => {
    const parts = [
      left.callbackAt ? (l === 'en' ? `callback at ${left.callbackAt}` : `预约回电 ${left.callbackAt}`) : null,
      left.phone ? (l === 'en' ? `phone ${left.phone}` : `电话 ${left.phone}`) : null,
      left.email ? (l === 'en' ? `email ${left.email}` : `邮箱 ${left.email}`) : null,
    ].filter(Boolean);
    return (l === 'en' ? 'Left a message for follow-up' : '客户留言待跟进') + (parts.length ? (l === 'en' ? `: ${parts.join(', ')}` : `：${parts.join('，')}`) : '');
  },
};

/** The language the bot last answered this customer in, else their locale, else Chinese. */
export async function noticeLanguage(db: Executor, workspaceId: string, conversation: { id: string; locale: string | null }): Promise<NoticeLanguage> {
  const rows = await db.execute<{ language: string | null }>(sql`
    select meta->'understanding'->>'language' as language from messages
    where workspace_id = ${workspaceId} and conversation_id = ${conversation.id} and meta->'understanding'->>'language' is not null
    order by seq desc limit 1`);
  const language = rows.rows[0]?.language;
  if (language === 'en' || language === 'zh') return language;
  return conversation.locale?.startsWith('en') ? 'en' : 'zh';
}

/** Whether this user joined the conversation as a supervisor (a join notice carries their id). */
export async function hasJoined(db: Executor, workspaceId: string, conversationId: string, userId: string): Promise<boolean> {
  const rows = await db.execute<{ one: number }>(sql`
    select 1 as one from messages
    where workspace_id = ${workspaceId} and conversation_id = ${conversationId} and author = 'system' and author_id = ${userId} and meta->>'joined' = 'true'
    limit 1`);
  return rows.rows.length > 0;
}
