import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));

/**
 * Starts PGlite (PostgreSQL compiled to WASM) in a child process behind pglite-socket, so the app
 * talks plain `pg` in both modes and a heavy query cannot block the app's event loop (DESIGN.md).
 * `dataDir` 'memory://' gives a throw-away database (tests).
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  const child: ChildProcess = fork(serverScript, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, OCOP_PGLITE_DIR: options.dataDir, OCOP_PGLITE_PORT: String(options.port ?? 0) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port?: number; error?: string }) => {
      if (message.port) resolve(message.port);
      else reject(new Error(`The embedded database did not start: ${message.error ?? 'unknown error'}`));
    });
    child.once('exit', (code) => reject(new Error(`The embedded database exited early (code ${code}).`)));
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Closing the IPC channel asks the child to flush PGlite to disk and exit.
        child.disconnect();
      }),
  };
}
