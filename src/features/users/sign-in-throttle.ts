import type { RecentFailures } from './users.repository.ts';

/**
 * How failed sign-ins slow further attempts down (decision 018). Three counters over a sliding 15 minutes,
 * none of which lets a stranger lock an official out:
 *  - per username and source (the known device when the browser brings one, else the address): 5 free
 *    failures, then each attempt waits 30 s after the latest failure, doubling with every further
 *    failure up to 15 minutes — the owner mistyping is slowed, someone else elsewhere is not affected;
 *  - per address, whatever the username: 30 failures, then the address waits until the oldest of them is
 *    15 minutes old (password spraying from one machine);
 *  - per username from devices the account never signed in from: 20 failures (guessing from many
 *    addresses), then the same doubling wait for new devices only — the owner's known device still gets in.
 * The owner and the administrators are told once the username reaches 10 failures.
 */
export const signInThrottle = {
  windowMs: 15 * 60 * 1000,
  freePerSource: 5,
  maxPerAddress: 30,
  freePerUsernameFromNewDevices: 20,
  noticeAtFailures: 10,
  firstWaitMs: 30 * 1000,
} as const;

/** The wait after `failures` failures when the first `free` cost nothing: 30 s, 1 min, 2 min … at most 15 min. */
export function waitAfterFailures(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(signInThrottle.windowMs, signInThrottle.firstWaitMs * 2 ** Math.min(failures - free, 20));
}

/** How long this attempt must wait (0: it may go ahead). */
export function signInWaitMs(failures: RecentFailures, knownDevice: boolean, now: Date): number {
  const until = (from: Date | null, waitMs: number) => (from && waitMs > 0 ? new Date(from).getTime() + waitMs - now.getTime() : 0);
  const waits = [until(failures.lastBySource, waitAfterFailures(failures.bySource, signInThrottle.freePerSource))];
  if (!knownDevice) {
    waits.push(until(failures.firstByIp, failures.byIp >= signInThrottle.maxPerAddress ? signInThrottle.windowMs : 0));
    waits.push(
      until(failures.lastByUsernameFromNewDevices, waitAfterFailures(failures.byUsernameFromNewDevices, signInThrottle.freePerUsernameFromNewDevices)),
    );
  }
  return Math.max(0, ...waits);
}
