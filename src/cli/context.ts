/** Opens the application for one-shot CLI commands (no HTTP server, no workers). */
import { createApp, type TurnoApp } from '../app';
import { loadConfig } from '../config';
import { createLogger, type LogLevel } from '../lib/logger';

/** Runs `fn` with a migrated app and closes it afterwards (`logLevel` defaults to warnings and errors). */
export async function withApp<T>(fn: (app: TurnoApp) => Promise<T> | T, opts: { logLevel?: LogLevel | 'silent' } = {}): Promise<T> {
  const config = loadConfig();
  // No event delivery here: the running server's consumers deliver what a command changes.
  const app = createApp(config, { startWorkers: false, deliverEvents: false, logger: createLogger(opts.logLevel ?? 'warn') });
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}
