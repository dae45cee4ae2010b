/**
 * Time as the scheduler sees it. Injected so that unit tests drive every timer
 * by hand (test/unit/reader/fake-clock.ts) and never sleep.
 */
export interface Clock {
  /** wall-clock ms since the Unix epoch (sample and health timestamps) */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms)),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A source of uniform numbers in [0, 1), for backoff jitter. */
export type Random = () => number;
