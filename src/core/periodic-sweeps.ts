/**
 * Runs idempotent sweeps (e.g. marking overdue business plans) at start-up and then periodically.
 * A sweep must be safe to run twice and from two processes at once: each one locks the rows it
 * changes and re-checks their state (see sweepOverdueBusinessPlans).
 * Work that must happen once at a given time (reminders, daily clean-ups) goes to the durable job
 * queue instead (core/jobs), which one of these sweeps drains every minute.
 */
export interface Sweep {
  name: string;
  everyMs: number;
  /** `signal` is aborted when the app shuts down: finish the item in hand, claim no other. */
  run(signal: AbortSignal): Promise<unknown>;
}

export interface SweepLog {
  info(message: string): void;
  error(message: string): void;
}

export interface SweepObserver {
  /** Told after every run (metrics). */
  onRun?(name: string, outcome: 'ok' | 'failed', seconds: number): void;
}

export interface RunningSweeps {
  /** Stops the timers, asks the running sweeps to stop after their current item, and waits for them. */
  stop(): Promise<void>;
}

export function startPeriodicSweeps(sweeps: Sweep[], log: SweepLog, observer: SweepObserver = {}): RunningSweeps {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  for (const sweep of sweeps) {
    const tick = () => {
      if (stopping.signal.aborted || running.has(sweep.name)) return; // a slow run is not overlapped by the next tick
      const started = performance.now();
      const run = (async () => {
        try {
          const result = await sweep.run(stopping.signal);
          observer.onRun?.(sweep.name, 'ok', (performance.now() - started) / 1000);
          log.info(`sweep ${sweep.name}: ${JSON.stringify(result)}`);
        } catch (error) {
          observer.onRun?.(sweep.name, 'failed', (performance.now() - started) / 1000);
          log.error(`sweep ${sweep.name} failed: ${(error as Error).message}`);
        } finally {
          running.delete(sweep.name);
        }
      })();
      running.set(sweep.name, run);
    };
    tick();
    const timer = setInterval(tick, sweep.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return {
    async stop() {
      timers.forEach(clearInterval);
      stopping.abort();
      await Promise.all(running.values());
    },
  };
}
