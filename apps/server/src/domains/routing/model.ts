// Routing rules as pure functions: who waits first, who picks up, when to overflow. No I/O.

export type PresenceStatus = 'online' | 'away' | 'offline';

export type AgentState = {
  agentId: string;
  status: PresenceStatus;
  /** Most conversations this agent handles at once. */
  capacity: number;
  activeCount: number;
  /** Skill name → level 1..5. */
  skills: Record<string, number>;
  languages: string[];
  teamIds: string[];
  /** When this agent was last given a conversation (null: never), for "longest idle". */
  lastAssignedAt: Date | null;
};

export type QueuedConversation = {
  conversationId: string;
  queuedAt: Date;
  vip: boolean;
  humanOnly: boolean;
  emotionLevel: number;
  language: string | null;
  requiredSkill: string | null;
  /** Transferred to a team: only its members may take it. */
  teamId: string | null;
  /** Agents who let an offer time out or passed it on; they are not offered it again. */
  declinedBy: string[];
};

export type PriorityWeights = { vip: number; humanOnly: number; perEmotionLevel: number; perMinuteWaited: number };
export const defaultPriorityWeights: PriorityWeights = { vip: 100, humanOnly: 40, perEmotionLevel: 15, perMinuteWaited: 2 };

/** Higher goes first. Waiting time keeps adding, so nobody starves behind a stream of VIPs. */
export function queuePriority(item: QueuedConversation, now: Date, weights: PriorityWeights = defaultPriorityWeights): number {
  const minutes = Math.max(0, (now.getTime() - item.queuedAt.getTime()) / 60_000);
  return (
    (item.vip ? weights.vip : 0) +
    (item.humanOnly ? weights.humanOnly : 0) +
    Math.max(0, item.emotionLevel - 1) * weights.perEmotionLevel +
    minutes * weights.perMinuteWaited
  );
}

/** The queue in service order: priority, then who came first, then id (a total order). */
export function orderQueue(items: readonly QueuedConversation[], now: Date, weights: PriorityWeights = defaultPriorityWeights): QueuedConversation[] {
  return items
    .map((item) => ({ item, priority: queuePriority(item, now, weights) }))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        a.item.queuedAt.getTime() - b.item.queuedAt.getTime() ||
        (a.item.conversationId < b.item.conversationId ? -1 : a.item.conversationId > b.item.conversationId ? 1 : 0),
    )
    .map((x) => x.item);
}

export type StepName = 'online' | 'team' | 'notDeclined' | 'underCapacity' | 'skill' | 'language' | 'leastBusy' | 'longestIdle';
export type StepTrace = { step: StepName; candidates: number };
type Step = { name: StepName; kind: 'require' | 'prefer'; narrow(agents: readonly AgentState[], item: QueuedConversation): AgentState[] };

const load = (a: AgentState) => (a.capacity > 0 ? a.activeCount / a.capacity : 1);
const idleSince = (a: AgentState) => a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
const keepMinimum = (agents: readonly AgentState[], measure: (a: AgentState) => number) => {
  const least = Math.min(...agents.map(measure));
  return agents.filter((a) => measure(a) === least);
};

/**
 * The named steps, in order. `require` steps may leave nobody (the conversation waits);
 * `prefer` steps narrow only when someone matches (a Chinese speaker if there is one, else anyone).
 */
export const assignmentSteps: readonly Step[] = [
  { name: 'online', kind: 'require', narrow: (agents) => agents.filter((a) => a.status === 'online') },
  { name: 'team', kind: 'require', narrow: (agents, item) => agents.filter((a) => item.teamId === null || a.teamIds.includes(item.teamId)) },
  { name: 'notDeclined', kind: 'require', narrow: (agents, item) => agents.filter((a) => !item.declinedBy.includes(a.agentId)) },
  { name: 'underCapacity', kind: 'require', narrow: (agents) => agents.filter((a) => a.activeCount < a.capacity) },
  {
    name: 'skill',
    kind: 'prefer',
    narrow: (agents, item) => {
      if (item.requiredSkill === null) return [...agents];
      const skilled = agents.filter((a) => (a.skills[item.requiredSkill!] ?? 0) > 0);
      const best = Math.max(0, ...skilled.map((a) => a.skills[item.requiredSkill!]!));
      return skilled.filter((a) => a.skills[item.requiredSkill!] === best);
    },
  },
  {
    name: 'language',
    kind: 'prefer',
    narrow: (agents, item) => (item.language === null ? [...agents] : agents.filter((a) => a.languages.length === 0 || a.languages.some((l) => l.startsWith(item.language!)))),
  },
  { name: 'leastBusy', kind: 'require', narrow: (agents) => keepMinimum(agents, load) },
  { name: 'longestIdle', kind: 'require', narrow: (agents) => keepMinimum(agents, idleSince) },
];

export type AgentChoice = { agentId: string | null; trace: StepTrace[] };

/** Runs the steps; ties after the last step go to the smallest id, so the choice is deterministic. */
export function chooseAgent(item: QueuedConversation, agents: readonly AgentState[]): AgentChoice {
  let candidates: readonly AgentState[] = agents;
  const trace: StepTrace[] = [];
  for (const step of assignmentSteps) {
    const kept = step.narrow(candidates, item);
    if (step.kind === 'require' || kept.length > 0) candidates = kept;
    trace.push({ step: step.name, candidates: candidates.length });
    if (candidates.length === 0) return { agentId: null, trace };
  }
  const chosen = [...candidates].sort((a, b) => (a.agentId < b.agentId ? -1 : 1))[0]!;
  return { agentId: chosen.agentId, trace };
}

export type Assignment = { conversationId: string; agentId: string };

/** Hands out as much of the queue as the agents can take, in queue order, updating load as it goes. */
export function planAssignments(queue: readonly QueuedConversation[], agents: readonly AgentState[], now: Date, weights?: PriorityWeights): Assignment[] {
  const state = new Map(agents.map((a) => [a.agentId, { ...a }]));
  const plan: Assignment[] = [];
  for (const item of orderQueue(queue, now, weights)) {
    const pool = [...state.values()];
    if (!pool.some((a) => a.status === 'online' && a.activeCount < a.capacity)) break;
    const { agentId } = chooseAgent(item, pool);
    if (!agentId) continue;
    const agent = state.get(agentId)!;
    agent.activeCount += 1;
    agent.lastAssignedAt = now;
    plan.push({ conversationId: item.conversationId, agentId });
  }
  return plan;
}
