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
  run(): Promise<unknown>;
}

export interface SweepLog {
  info(message: string): void;
  error(message: string): void;
}

export function startPeriodicSweeps(sweeps: Sweep[], log: SweepLog): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  for (const sweep of sweeps) {
    const tick = async () => {
      if (running.has(sweep.name)) return; // a slow run is not overlapped by the next tick
      running.add(sweep.name);
      try {
        const result = await sweep.run();
        log.info(`sweep ${sweep.name}: ${JSON.stringify(result)}`);
      } catch (error) {
        log.error(`sweep ${sweep.name} failed: ${(error as Error).message}`);
      } finally {
        running.delete(sweep.name);
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), sweep.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return { stop: () => timers.forEach(clearInterval) };
}
