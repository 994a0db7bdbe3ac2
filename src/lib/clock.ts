/** Time source. Production uses the system clock; tests use `FakeClock` to move time by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; used by tests for timers, windows and SLAs. */
export class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 0, 15, 12, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.ms += ms;
  }
  /** Jumps to an absolute time. */
  set(ms: number): void {
    this.ms = ms;
  }
}
