/** Configurable failure injection for the Graph API simulator. */

/** Which simulator endpoint a rule applies to. */
export type SimEndpoint = 'messages' | 'media-upload' | 'media-info' | 'media-download' | 'templates' | 'phone' | 'any';

export interface FailureRule {
  /** Default `messages`. */
  endpoint?: SimEndpoint;
  /**
   * - `error` (default): a Graph error body with `code` (and `httpStatus`, default per code)
   * - `http`: a bare HTTP `httpStatus` (e.g. 503) with a non-Graph body
   * - `timeout`: never answers (until `stop()` or `hangMs`)
   * - `reset`: the connection drops mid-response
   * - `expired`: media download answers 404 (an expired URL)
   * - `async`: accept the send (200 + wamid) and later post a `failed` status with `code`
   * - `slow`: accept and record the send (statuses follow as usual) but answer only after
   *   `hangMs` (the message went out; the caller may crash or time out before it hears so)
   */
  mode?: 'error' | 'http' | 'timeout' | 'reset' | 'expired' | 'async' | 'slow';
  code?: number;
  httpStatus?: number;
  /** Applies to the next N matching requests (default 1; unlimited when `fraction` is set). */
  times?: number;
  /** Probability 0–1 that a matching request fails (default 1). */
  fraction?: number;
  /** Only for sends to this recipient. */
  to?: string;
  /** How long a `timeout` hangs (default: until stop), or how late a `slow` answer comes. */
  hangMs?: number;
}

interface ActiveRule extends FailureRule {
  remaining: number;
}

/** Holds the rules; `take` returns the first matching rule and consumes one use of it. */
export class FailureBook {
  private rules: ActiveRule[] = [];

  constructor(initial: FailureRule[] = [], private random: () => number = Math.random) {
    initial.forEach((r) => this.add(r));
  }

  /** Adds a rule (rules are checked in insertion order). */
  add(rule: FailureRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? (rule.fraction !== undefined ? Infinity : 1) });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rule that fires for this request, if any (consumes one of its `times`). */
  take(endpoint: SimEndpoint, to?: string): FailureRule | undefined {
    for (const r of this.rules) {
      const ep = r.endpoint ?? 'messages';
      if (ep !== 'any' && ep !== endpoint) continue;
      if (r.to && r.to !== to) continue;
      if (r.remaining <= 0) continue;
      if (r.fraction !== undefined && this.random() >= r.fraction) continue;
      r.remaining -= 1;
      return r;
    }
    return undefined;
  }
}
