/**
 * The embedded database process: PGlite with the extensions the migrations use, served over the
 * PostgreSQL wire protocol on 127.0.0.1. Started by embedded.ts; exits when its parent goes away.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Protocol messages that end a client's turn: Sync, simple Query, Terminate, and the startup packet (first byte 0). */
const endsTurn = (message: Uint8Array): boolean => [0x53, 0x51, 0x58, 0x00].includes(message[0] ?? 0);

/**
 * pglite-socket 0.2.17 serves every connection from one PGlite session through a queue of protocol
 * messages, and outside a transaction it takes the next message from whichever connection sent one. An
 * extended query is several messages (Parse, Bind, Describe, Execute, Sync), so two connections could
 * interleave them and clobber each other's unnamed statement or portal ("portal \"\" does not exist"):
 * the cause of rare failures under concurrent requests in embedded mode (docs/decisions/011). This keeps the queue with one
 * connection from its first message to its Sync (or for a whole transaction, as before), and does not
 * stall the queue when a message throws. Checked by src/core/db/embedded.test.ts.
 */
function serializeExtendedQueries(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null;
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const keep = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = keep === null ? 0 : this.queue.findIndex((item) => item.handlerId === keep);
        if (index === -1) break; // wait for the owner's next message
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (data) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
        } catch (error) {
          owner = null;
          item!.reject(error);
          continue;
        }
        owner = endsTurn(item!.message) ? null : item!.handlerId;
        this.lastHandlerId = item!.handlerId;
        item!.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (owner === handlerId) {
      owner = null;
      void queue.processQueue();
    }
  };
}

const dataDir = process.env.OCOP_PGLITE_DIR ?? 'memory://';
const port = Number(process.env.OCOP_PGLITE_PORT ?? 0);

async function main() {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  serializeExtendedQueries(server);
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(address.split(':').pop());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.send?.({ port: actualPort });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
