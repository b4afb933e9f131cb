import { describe, expect, it } from 'vitest';
import { chooseAgent, orderQueue, planAssignments, queuePriority, type AgentState, type QueuedConversation } from './model.ts';

const now = new Date('2026-11-21T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const waiting = (id: string, extra: Partial<QueuedConversation> = {}): QueuedConversation => ({
  conversationId: id,
  queuedAt: minutesAgo(1),
  vip: false,
  humanOnly: false,
  emotionLevel: 1,
  language: null,
  requiredSkill: null,
  teamId: null,
  declinedBy: [],
  ...extra,
});

const agent = (id: string, extra: Partial<AgentState> = {}): AgentState => ({
  agentId: id,
  status: 'online',
  capacity: 3,
  activeCount: 0,
  skills: {},
  languages: [],
  teamIds: [],
  lastAssignedAt: null,
  ...extra,
});

describe('queue order', () => {
  it.each([
    ['a VIP before a regular customer who came earlier', waiting('r', { queuedAt: minutesAgo(5) }), waiting('v', { vip: true })],
    ['an angry customer before a calm one who came a little earlier', waiting('calm', { queuedAt: minutesAgo(3) }), waiting('angry', { emotionLevel: 5 })],
    ['a human-only contact before a regular one', waiting('r', { queuedAt: minutesAgo(2) }), waiting('h', { humanOnly: true })],
    ['whoever waited longer, all else equal', waiting('late', { queuedAt: minutesAgo(1) }), waiting('early', { queuedAt: minutesAgo(4) })],
  ])('serves %s', (_name, second, first) => {
    expect(orderQueue([second, first], now).map((q) => q.conversationId)).toEqual([first.conversationId, second.conversationId]);
  });

  it('lets waiting time overtake priority, so nobody starves', () => {
    const oldRegular = waiting('old', { queuedAt: minutesAgo(60) });
    const newVip = waiting('vip', { vip: true, queuedAt: minutesAgo(0) });
    expect(queuePriority(oldRegular, now)).toBeGreaterThan(queuePriority(newVip, now));
  });

  it('is a total order: equal priority and time fall back to the id', () => {
    const at = minutesAgo(2);
    expect(orderQueue([waiting('b', { queuedAt: at }), waiting('a', { queuedAt: at })], now).map((q) => q.conversationId)).toEqual(['a', 'b']);
  });
});

describe('assignment steps', () => {
  const pick = (item: QueuedConversation, agents: AgentState[]) => chooseAgent(item, agents).agentId;

  it.each([
    ['online only', waiting('c'), [agent('away', { status: 'away' }), agent('on')], 'on'],
    ['under capacity only', waiting('c'), [agent('full', { activeCount: 3 }), agent('free', { activeCount: 2 })], 'free'],
    ['the skilled agent, best level first', waiting('c', { requiredSkill: 'refunds' }), [agent('a'), agent('b', { skills: { refunds: 2 } }), agent('c2', { skills: { refunds: 4 } })], 'c2'],
    ['anyone when nobody has the skill', waiting('c', { requiredSkill: 'legal' }), [agent('a', { activeCount: 1 }), agent('b')], 'b'],
    ['a speaker of the customer’s language', waiting('c', { language: 'en' }), [agent('zh', { languages: ['zh-CN'] }), agent('en', { languages: ['en-US'], activeCount: 2 })], 'en'],
    ['the least busy by load', waiting('c'), [agent('a', { activeCount: 2, capacity: 4 }), agent('b', { activeCount: 1, capacity: 4 })], 'b'],
    ['the longest idle among the least busy', waiting('c'), [agent('recent', { lastAssignedAt: minutesAgo(1) }), agent('idle', { lastAssignedAt: minutesAgo(30) })], 'idle'],
    ['a team member for a conversation transferred to a team', waiting('c', { teamId: 't1' }), [agent('out'), agent('in', { teamIds: ['t1'], activeCount: 2 })], 'in'],
    ['not someone who let the offer time out', waiting('c', { declinedBy: ['slow'] }), [agent('slow'), agent('other', { activeCount: 1 })], 'other'],
  ] as const)('picks %s', (_name, item, agents, expected) => {
    expect(pick(item, [...agents])).toBe(expected);
  });

  it('says which step left nobody', () => {
    const choice = chooseAgent(waiting('c'), [agent('a', { activeCount: 3 })]);
    expect(choice.agentId).toBeNull();
    expect(choice.trace.at(-1)).toEqual({ step: 'underCapacity', candidates: 0 });
  });
});

describe('planning a round of assignments', () => {
  it('fills capacity in queue order and never over-assigns an agent', () => {
    const queue = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => waiting(id, { queuedAt: minutesAgo(10 - i) }));
    const plan = planAssignments(queue, [agent('a', { capacity: 2 }), agent('b', { capacity: 1, activeCount: 0 })], now);
    expect(plan.map((p) => p.conversationId)).toEqual(['q1', 'q2', 'q3']);
    const perAgent = plan.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.agentId]: (acc[p.agentId] ?? 0) + 1 }), {});
    expect(perAgent).toEqual({ a: 2, b: 1 });
  });

  it('spreads work evenly across equally free agents', () => {
    const queue = Array.from({ length: 6 }, (_, i) => waiting(`q${i}`, { queuedAt: minutesAgo(10 - i) }));
    const plan = planAssignments(queue, [agent('a'), agent('b'), agent('c')], now);
    expect(plan.map((p) => p.agentId)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });
});
