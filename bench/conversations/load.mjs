// The load generator, in its own thread so it does not share the server's event loop (plain JS: workers get no TS loader).
import { readlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const job = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: job.tokens.length });
const url = new URL(`${job.baseUrl}/api/public/v1/messages`);
const latencies = [];
const kinds = {};
let errors = 0;
let sent = 0;
let turn = 0;
let repliesSeen = 0;

// Sessions walk the questions with different strides, so no session asks the same thing twice in a row.
function nextQuestion(session) {
  turn++;
  return job.questions[(session * 7 + turn * 13) % job.questions.length];
}

function post(session, body) {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${job.tokens[session]}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
}

async function send(session, plannedAt) {
  sent++;
  const res = await post(session, JSON.stringify({ text: nextQuestion(session), clientMessageId: `${job.tag}-${session}-${sent}` }));
  if (res.status !== 200) errors++;
  else for (const r of JSON.parse(res.text).replies ?? []) {
    kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    repliesSeen++;
  }
  // Open loop: measured from when the message was due, so a slow server cannot hide its queue.
  latencies.push(performance.now() - plannedAt);
}

async function openLoop() {
  const started = performance.now();
  const interval = 1000 / job.ratePerSecond;
  const total = Math.floor(job.ratePerSecond * job.seconds);
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(i % job.tokens.length, due));
  }
  await Promise.all(inflight);
}

async function closedLoop() {
  const until = performance.now() + job.seconds * 1000;
  await Promise.all(job.tokens.map(async (_t, session) => {
    while (performance.now() < until) await send(session, performance.now());
  }));
}

const started = performance.now();
await (job.mode === 'open' ? openLoop() : closedLoop());
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
// Its thread id, so the server's CPU per message can leave the load generator out (same process in-process).
const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
parentPort.postMessage({ latencies, kinds, errors, sent, elapsed, replies: repliesSeen, tid });
