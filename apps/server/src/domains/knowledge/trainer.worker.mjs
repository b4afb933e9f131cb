// Trains a FAQ model off the main thread (plain JS: a worker gets no TypeScript loader, so it registers tsx itself).
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { trainFaqMatcher, serializeFaqMatcher } = await import('@lingxi/nlu');
try {
  const bytes = serializeFaqMatcher(trainFaqMatcher(workerData.docs, { seed: workerData.seed }));
  parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error?.message ?? error) });
}
