/** Opens the application for one-shot CLI commands (no HTTP server, no workers). */
import { createApp, type TurnoApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../lib/logger';

/** Runs `fn` with a migrated app and closes it afterwards. */
export async function withApp<T>(fn: (app: TurnoApp) => Promise<T> | T): Promise<T> {
  const config = loadConfig();
  const app = createApp(config, { startWorkers: false, logger: createLogger('warn') });
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}
