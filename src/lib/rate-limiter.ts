/** In-memory rate limiting: a token bucket for pacing, and a sliding failure counter for throttling. */

/** Token bucket: `ratePerSecond` tokens refill continuously up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private ratePerSecond: number,
    private burst = ratePerSecond,
    private now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token if available; otherwise returns the milliseconds to wait for the next one. */
  take(): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }
}

/**
 * Counts failures per key within a window; a key is blocked once it has `limit` of them. Memory is bounded:
 * each key keeps at most its last `limit` failures, keys whose failures have all left the window
 * are swept at most once per window (amortised over `fail`), and past `maxKeys` the key failed
 * least recently is forgotten first (a flood of distinct keys cannot grow the map).
 */
export class FailureThrottle {
  /** Insertion order = order of the latest failure (a key is re-inserted on each failure). */
  private hits = new Map<string, number[]>();
  private lastSweep: number;
  constructor(
    private limit: number,
    private windowMs: number,
    private now: () => number = Date.now,
    private maxKeys = 50_000,
  ) {
    this.lastSweep = now();
  }

  /** Records one failure for `key`. */
  fail(key: string): void {
    const t = this.now();
    if (t - this.lastSweep >= this.windowMs) this.sweep(t);
    const list = this.recent(key);
    list.push(t);
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.hits.delete(key);
    this.hits.set(key, list);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
  }

  /** Milliseconds until `key` may try again, or 0 when it is not blocked. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.limit) return 0;
    return Math.max(0, list[list.length - this.limit]! + this.windowMs - this.now());
  }

  /** Forgets the failures of `key` (after a success). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  /** How many keys are remembered (for tests and metrics). */
  get size(): number {
    return this.hits.size;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.hits.delete(key);
    return list;
  }

  /** Drops every key whose latest failure is outside the window (oldest first, stops at the first live one). */
  private sweep(t: number): void {
    this.lastSweep = t;
    const cutoff = t - this.windowMs;
    for (const [key, list] of this.hits) {
      if (list[list.length - 1]! > cutoff) break;
      this.hits.delete(key);
    }
  }
}

/** Counts requests per key in fixed windows of `windowMs` (API rate limits with RateLimit-* headers). */
export class FixedWindowCounter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(
    private limit: number,
    private windowMs: number,
    private now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`: whether it is allowed, how many remain and when the window resets. */
  hit(key: string): { allowed: boolean; limit: number; remaining: number; resetMs: number } {
    const t = this.now();
    const start = t - (t % this.windowMs);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (this.windows.size > 10_000) this.windows.clear();
      w = { start, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return { allowed: w.count <= this.limit, limit: this.limit, remaining: Math.max(0, this.limit - w.count), resetMs: start + this.windowMs - t };
  }
}
