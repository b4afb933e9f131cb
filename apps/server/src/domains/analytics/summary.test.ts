import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LingxiEvent } from '../../events/catalog.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/harness.ts';
import { systemIds } from '../../platform/ids.ts';
import { recordFacts } from './commands/recordFacts.ts';
import { tally } from './definitions.ts';
import { tallyCohort, tallyGroups } from './queries/summary.ts';
import { rollupStore } from './store.ts';

/** The SQL over the pre-aggregate and the pure definitions must agree, on every kind of conversation. */
const ids = systemIds();
const W = ids.next();
const T0 = new Date('2026-11-23T01:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
let t: TestDatabase;
let n = 0;
const ev = (name: string, at: Date, payload: Record<string, unknown>) => ({ id: ids.next(), name, workspaceId: W, at, payload }) as unknown as LingxiEvent;
const status = (c: string, at: Date, from: string, to: string, assigneeId: string | null = null) => ev('conversation.status_changed', at, { conversationId: c, from, to, assigneeId, queuePosition: null, estimatedWaitSeconds: null });

/** A conversation's events: started at `start`, a customer message and bot reply, then the script. */
function conversation(start: number, script: (c: string) => LingxiEvent[], channel = 'web', intent = 'pay'): LingxiEvent[] {
  const c = ids.next();
  const m = `m${++n}`;
  return [
    ev('conversation.started', min(start), { conversationId: c, contactId: ids.next(), channel }),
    ev('message.created', min(start), { conversationId: c, message: { id: m, author: 'customer', text: 'q', private: false } }),
    ev('bot.replied', min(start + 0.02), { conversationId: c, messageId: `b${n}`, replyTo: m, kind: 'answer', knowledgeEntryId: null, confidence: 0.7, intent, emotionLevel: start % 5 + 1, language: 'zh', latencyMs: 2 }),
    ...script(c),
  ];
}
const agent = ids.next();
const events: LingxiEvent[] = [
  ...conversation(0, () => []),
  ...conversation(5, (c) => [ev('answer.rated', min(6), { conversationId: c, messageId: `b${n}`, knowledgeEntryId: null, helpful: true }), status(c, min(7), 'bot', 'resolved')]),
  ...conversation(10, (c) => [
    ev('conversation.handed_off', min(11), { conversationId: c, trigger: 'explicit', queuePosition: 1 }), status(c, min(11), 'bot', 'queued'),
    status(c, min(12), 'queued', 'assigned', agent), ev('message.created', min(13), { conversationId: c, message: { id: `a${n}`, author: 'agent', authorId: agent, text: 'hi', private: false } }),
    status(c, min(20), 'assigned', 'resolved', agent), ev('conversation.rated', min(21), { conversationId: c, score: 4, comment: null }),
    ev('feedback.nps_recorded', min(22), { conversationId: c, contactId: ids.next(), score: 9, comment: null }),
  ], 'app'),
  ...conversation(15, (c) => [ev('conversation.handed_off', min(16), { conversationId: c, trigger: 'emotion', queuePosition: 1 }), status(c, min(16), 'bot', 'queued'), status(c, min(30), 'queued', 'pending'), ev('feedback.nps_recorded', min(31), { conversationId: c, contactId: ids.next(), score: 2, comment: '等太久' })], 'web', 'refund'),
  ...conversation(20, (c) => [ev('conversation.handed_off', min(21), { conversationId: c, trigger: 'repeat', queuePosition: 1 }), status(c, min(21), 'bot', 'queued')]),
  ...conversation(25, (c) => [status(c, min(26), 'bot', 'resolved'), status(c, min(40), 'resolved', 'bot'), status(c, min(41), 'bot', 'resolved'), ev('feedback.nps_recorded', min(42), { conversationId: c, contactId: ids.next(), score: 7, comment: null })], 'web', 'refund'),
  ...conversation(200, () => []),
];

beforeAll(async () => {
  t = await createTestDatabase();
  // Delivered in three uneven batches, the last one twice (a replay must add nothing).
  await t.db.sql.transaction((tx) => recordFacts({ ids }, events.slice(0, 7), tx));
  await t.db.sql.transaction((tx) => recordFacts({ ids }, events.slice(7, 19), tx));
  await t.db.sql.transaction((tx) => recordFacts({ ids }, events.slice(19), tx));
  expect(await t.db.sql.transaction((tx) => recordFacts({ ids }, events.slice(19), tx))).toBe(0);
}, 60_000);
afterAll(async () => t?.drop());

describe('summary SQL against the pure definitions', () => {
  const window = { now: min(220), idleMs: 30 * 60_000 };
  const cohorts = [
    { workspaceId: W, from: min(-60), to: min(300) },
    { workspaceId: W, from: min(-60), to: min(300), channel: 'app' },
    { workspaceId: W, from: min(-60), to: min(300), intent: 'refund' },
    { workspaceId: W, from: min(0), to: min(18) },
  ];
  it.each(cohorts.map((c, i) => [i, c] as const))('cohort %i', async (_i, cohort) => {
    const rows = await rollupStore.cohort(t.db.sql, cohort);
    expect(await tallyCohort(t.db.sql, cohort, window)).toEqual(tally(rows, window));
  });

  it('counts every kind of ending once', async () => {
    const all = await tallyCohort(t.db.sql, cohorts[0]!, window);
    expect(all).toMatchObject({ conversations: 7, ended: 5, botResolved: 3, humanResolved: 1, abandoned: 1, handedOff: 3, assigned: 1, resolvedFirstContact: 3, handoffsByTrigger: { explicit: 1, emotion: 1, repeat: 1 }, npsPromoters: 1, npsPassives: 1, npsDetractors: 1 });
    // One conversation started at 200 min is still within its idle time at 220 min; one is queued.
  });

  it('groups like it totals', async () => {
    const groups = await tallyGroups(t.db.sql, cohorts[0]!, window, (await import('drizzle-orm')).sql`c.channel`);
    expect(groups.map((g) => [g.group, g.tallies.conversations, g.tallies.handoffsByTrigger])).toEqual([['app', 1, { explicit: 1 }], ['web', 6, { emotion: 1, repeat: 1 }]]);
  });
});
