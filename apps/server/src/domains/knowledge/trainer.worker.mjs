// Trains FAQ models off the main thread, one request after another, for as long as the node keeps it (plain JS: a
// worker gets no TypeScript loader, so it registers tsx itself — seconds of start-up that are paid once, not per publish).
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { trainFaqMatcher, serializeFaqMatcher } = await import('@lingxi/nlu');
parentPort.on('message', ({ id, docs, seed }) => {
  try {
    const bytes = serializeFaqMatcher(trainFaqMatcher(docs, { seed }));
    parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String(error?.message ?? error) });
  }
});
parentPort.postMessage({ ready: true });
