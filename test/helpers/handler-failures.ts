/**
 * Makes a failing event-bus listener fail the test that caused it. The bus isolates listener
 * failures and only logs "event handler failed"; apps built by the test harness log through
 * `recordingLogger()`, which keeps those logs, and the global `afterEach` in `test/preload.ts`
 * drains every live bus and then throws if any listener failed during the test.
 */
import type { Logger } from '../../src/lib/logger';

interface HandlerFailure {
  event: unknown;
  error: unknown;
}

const failures: HandlerFailure[] = [];
const liveBuses = new Set<{ drain(): Promise<void> }>();

/** A silent logger that records "event handler failed" errors for the afterEach check. */
export function recordingLogger(base: Record<string, unknown> = {}): Logger {
  const ignore = () => {};
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error(msg, fields) {
      if (msg === 'event handler failed') failures.push({ event: fields?.event ?? base.event, error: fields?.error });
    },
    child: (fields) => recordingLogger({ ...base, ...fields }),
  };
}

/** Tracks a bus so the afterEach check waits for its pending events; returns the untrack function. */
export function trackBus(bus: { drain(): Promise<void> }): () => void {
  liveBuses.add(bus);
  return () => liveBuses.delete(bus);
}

/**
 * For a test that fails a listener on purpose: returns the failures recorded so far and forgets
 * them, so the afterEach check does not fail the test.
 */
export async function takeHandlerFailures(): Promise<HandlerFailure[]> {
  await Promise.all([...liveBuses].map((bus) => bus.drain()));
  return failures.splice(0);
}

/** Drains every live bus, then throws one error describing every listener that failed. */
export async function assertNoHandlerFailed(): Promise<void> {
  const found = await takeHandlerFailures();
  if (found.length === 0) return;
  const lines = found.map(({ event, error }) => `  ${String(event)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  throw new Error(`${found.length} event handler${found.length === 1 ? '' : 's'} failed during this test:\n${lines.join('\n')}`);
}
