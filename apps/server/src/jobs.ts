import type { JobHandler } from './platform/jobs/index.ts';

/** The one list of durable job handlers, written out. Domains add theirs here. */
export function jobHandlers(): JobHandler[] {
  return [];
}
