// Runs PGlite off the main thread (its queries block the event loop) and serves it over the
// Postgres wire protocol on a unix socket, so the app talks to it through `pg` like to PostgreSQL.
// The bridge is ours rather than @electric-sql/pglite-socket's: that one runs every protocol message
// (Parse, Bind, Describe, Execute, Sync: five per statement) through PGlite and the socket on its own;
// this one hands PGlite everything that arrived in one call and answers with one write, which took
// a large share of both threads' CPU per statement off (bench/conversations/results.md).
import { createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { dataDir, socketPath } = workerData;
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** One client connection: whole protocol messages in, PGlite's answers out, one batch at a time. */
function serve(db, socket, serialize) {
  let pending = Buffer.alloc(0);
  let started = false;
  let closed = false;
  // This connection's transaction state, from the last ReadyForQuery it was sent ('I' idle, 'T' in a transaction, 'E' failed one).
  let txStatus = 'I';

  async function run(message) {
    const out = [];
    await db.runExclusive(() => db.execProtocolRawStream(message, { onRawData: (bytes) => bytes.length > 0 && out.push(Buffer.from(bytes)) }));
    if (out.length === 0) return;
    const answer = out.length === 1 ? out[0] : Buffer.concat(out);
    // ReadyForQuery ('Z', length 5, status) ends every answer that completes a Sync or a simple query.
    if (answer.length >= 6 && answer[answer.length - 6] === 0x5a && answer.readInt32BE(answer.length - 5) === 5) txStatus = String.fromCharCode(answer[answer.length - 1]);
    if (!closed) socket.write(answer);
  }

  async function consume() {
    while (pending.length > 0) {
      if (!started) {
        // Startup phase: length-prefixed packets without a type byte (SSL request, cancel, startup).
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        const packet = pending.subarray(0, length);
        pending = pending.subarray(length);
        if (code === SSL_REQUEST) socket.write('N');
        else if (code === CANCEL_REQUEST) continue; // not supported: the statement runs to its end
        else {
          if (code === PROTOCOL_3) started = true;
          await run(new Uint8Array(packet));
        }
        continue;
      }
      // Every complete message that arrived goes to PGlite in one call (it runs batched messages in order).
      let end = 0;
      while (pending.length - end >= 5) {
        const size = 1 + pending.readInt32BE(end + 1);
        if (pending.length - end < size) break;
        end += size;
      }
      if (end === 0) return;
      const batch = new Uint8Array(pending.subarray(0, end));
      pending = pending.subarray(end);
      await run(batch);
    }
  }

  socket.setNoDelay(true);
  socket.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    serialize(consume).catch((error) => socket.destroy(error));
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
    // A client that went away inside its transaction must not leave it open for the next one; a
    // connection that was idle leaves alone whatever transaction a newer connection has begun since.
    serialize(async () => {
      if (txStatus !== 'I' && db.isInTransaction()) await db.exec('ROLLBACK');
    }).catch(() => {});
  });
}

try {
  const db = await PGlite.create(dataDir ?? 'memory://');
  // PGlite is one backend: every connection's work runs in arrival order, one piece at a time.
  let chain = Promise.resolve();
  const serialize = (work) => {
    const next = chain.then(work);
    chain = next.catch(() => {});
    return next;
  };
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(db, socket, serialize);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  parentPort.on('message', async (message) => {
    if (message?.type !== 'close') return;
    const stopped = new Promise((resolve) => server.close(resolve));
    for (const socket of sockets) socket.destroy();
    await stopped;
    await chain;
    await db.close();
    parentPort.postMessage({ type: 'closed' });
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String(error?.stack ?? error) });
}
