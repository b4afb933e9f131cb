// CPU time per thread of a process, from /proc (Linux): the main thread, the PGlite worker and the rest, apart.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds used so far by each thread of the process, by thread id. */
export function threadCpu(pid: number | 'self'): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

export type CpuSplit = { main: number; busiestOther: number; rest: number; total: number };

/**
 * What each thread used between two samples, in ms: the main thread (tid = pid), the busiest other
 * thread (the PGlite worker, under load) and everything else (V8 GC and compiler threads, libuv).
 * Threads listed in `exclude` (the load generator's) are left out.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>, mainTid: number, exclude: readonly number[] = []): CpuSplit {
  const used: Array<[number, number]> = [];
  for (const [tid, t] of after) if (!exclude.includes(tid)) used.push([tid, t - (before.get(tid) ?? 0)]);
  const main = used.find(([tid]) => tid === mainTid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== mainTid).map(([, t]) => t).sort((a, b) => b - a);
  const busiestOther = others[0] ?? 0;
  const rest = others.slice(1).reduce((a, b) => a + b, 0);
  return { main, busiestOther, rest, total: main + busiestOther + rest };
}

export const describeCpu = (c: CpuSplit, messages: number, seconds: number) =>
  `${(c.total / messages).toFixed(2)} ms CPU per customer message (main thread ${(c.main / messages).toFixed(2)}, busiest other thread ${(c.busiestOther / messages).toFixed(2)}, rest ${(c.rest / messages).toFixed(2)}); ` +
  `cores busy ${(c.total / 1000 / seconds).toFixed(2)} of ${cpus().length} (main ${(c.main / 10 / seconds).toFixed(0)}%, busiest other ${(c.busiestOther / 10 / seconds).toFixed(0)}%)`;
