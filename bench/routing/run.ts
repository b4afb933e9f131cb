// Assignment decision speed: 200 agents online, 2,000 customers queued (issue #5's target: p99 ≤ 10 ms).
// Run: node --import tsx bench/routing/run.ts  → prints a table and writes bench/routing/results.md
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chooseAgent, orderQueue, planAssignments, type AgentState, type QueuedConversation } from '../../apps/server/src/domains/routing/model.ts';

// A small seeded generator keeps runs comparable.
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = random(7);
const now = new Date('2026-11-21T10:00:00Z');
const skills = ['orders', 'refunds', 'invoices', 'payments', 'membership', 'logistics'];

const agents: AgentState[] = Array.from({ length: 200 }, (_, i) => ({
  agentId: `agent-${String(i).padStart(3, '0')}`,
  status: rand() < 0.9 ? 'online' : 'away',
  capacity: 3 + Math.floor(rand() * 5),
  activeCount: Math.floor(rand() * 4),
  skills: Object.fromEntries(skills.filter(() => rand() < 0.4).map((s) => [s, 1 + Math.floor(rand() * 5)])),
  languages: rand() < 0.7 ? ['zh-CN'] : rand() < 0.5 ? ['en-US'] : ['zh-CN', 'en-US'],
  teamIds: [`team-${Math.floor(rand() * 8)}`],
  lastAssignedAt: new Date(now.getTime() - Math.floor(rand() * 3_600_000)),
}));
const queue: QueuedConversation[] = Array.from({ length: 2_000 }, (_, i) => ({
  conversationId: `c-${String(i).padStart(5, '0')}`,
  queuedAt: new Date(now.getTime() - Math.floor(rand() * 1_800_000)),
  vip: rand() < 0.05,
  humanOnly: rand() < 0.05,
  emotionLevel: 1 + Math.floor(rand() * 5),
  language: rand() < 0.8 ? 'zh' : 'en',
  requiredSkill: rand() < 0.6 ? skills[Math.floor(rand() * skills.length)]! : null,
  teamId: rand() < 0.1 ? `team-${Math.floor(rand() * 8)}` : null,
  declinedBy: rand() < 0.1 ? [agents[Math.floor(rand() * agents.length)]!.agentId] : [],
}));

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

// Warm up the JIT, then measure one decision per queued customer against all 200 agents.
for (let i = 0; i < 500; i++) chooseAgent(queue[i % queue.length]!, agents);
const decisions: number[] = [];
for (const item of queue) {
  const start = performance.now();
  chooseAgent(item, agents);
  decisions.push(performance.now() - start);
}
const orderTimes: number[] = [];
const planTimes: number[] = [];
let assigned = 0;
for (let i = 0; i < 20; i++) {
  let start = performance.now();
  orderQueue(queue, now);
  orderTimes.push(performance.now() - start);
  start = performance.now();
  assigned = planAssignments(queue, agents, now).length;
  planTimes.push(performance.now() - start);
}

const rows = [
  ['one assignment decision (chooseAgent, 200 agents)', percentile(decisions, 50), percentile(decisions, 99), '≤ 10 ms p99'],
  ['order the whole queue (2,000)', percentile(orderTimes, 50), percentile(orderTimes, 99), '—'],
  [`plan a full round (2,000 queued → ${assigned} assigned)`, percentile(planTimes, 50), percentile(planTimes, 99), '—'],
] as const;
const table = [
  '| measure | p50 ms | p99 ms | target |',
  '|---|---|---|---|',
  ...rows.map(([name, p50, p99, target]) => `| ${name} | ${p50.toFixed(3)} | ${p99.toFixed(3)} | ${target} |`),
].join('\n');
const report = `# Routing benchmark

Pure assignment rules (\`apps/server/src/domains/routing/model.ts\`), 200 agents (90% online, capacity 3–7,
random skills/languages/teams) and 2,000 queued customers, seeded. Node ${process.version}, one core, ${new Date().toISOString().slice(0, 10)}.
Run with \`node --import tsx bench/routing/run.ts\`.

${table}

The decision p99 is ${percentile(decisions, 99) <= 10 ? 'within' : 'OVER'} the 10 ms target. This measures the rules alone; the
database round trip of an assignment is measured with the conversations benchmark.
`;
process.stdout.write(`${table}\n`);
writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), report);
