/**
 * Test harness: an app on a temp data dir with a fake clock, a silent logger that turns a failing
 * event-bus listener into a failure of the running test, no background workers (call
 * `jobs.runDue()`), and a recorder of every event fired.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions, type TurnoApp } from '../../src/app';
import { createSession } from '../../src/core/auth';
import type { PublicUser } from '../../src/core/types';
import { createUser } from '../../src/core/users';
import { loadConfig, type Config } from '../../src/config';
import type { Role } from '../../src/db/schema/enums';
import { FakeClock } from '../../src/lib/clock';
import { assertNoHandlerFailed, recordingLogger, trackBus } from './handler-failures';
import { TestClient } from './test-client';

export interface RecordedEvent {
  name: string;
  payload: any;
}

export interface TestApp {
  app: TurnoApp;
  clock: FakeClock;
  config: Config;
  events: RecordedEvent[];
  /** Names of the events fired so far, in order. */
  eventNames(): string[];
  /** Sends a request through the app (no network). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A user with `role` (password "correct horse battery") and a signed-in client for them. */
  signIn(role?: Role, overrides?: Partial<{ email: string; name: string }>): Promise<{ user: PublicUser; client: TestClient }>;
  /** An anonymous client with a cookie jar. */
  anonymous(): TestClient;
  /** Stops the app and deletes its data folder (unless `keepData`, to start another app on it). */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';
let counter = 0;

/** Builds a fresh app for one test file or test. */
export async function createTestApp(opts: { env?: Record<string, string>; config?: Partial<Config>; dataDir?: string; app?: Partial<AppOptions> } = {}): Promise<TestApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'turno-test-'));
  // No plugins unless a test names a folder (the repository's plugins/ are tested on their own).
  const config = loadConfig({ TURNO_LOG_LEVEL: 'silent', TURNO_WORKERS: '0', ...opts.env }, { dataDir, pluginsDir: join(dataDir, 'no-plugins'), ...opts.config });
  const clock = new FakeClock(Date.now());
  const app = createApp(config, { clock, startWorkers: false, logger: recordingLogger(), ...opts.app });
  const untrack = trackBus(app.core.bus);
  await app.loadPlugins();
  const events: RecordedEvent[] = [];
  app.core.bus.onAny(({ name, payload }) => {
    events.push({ name: String(name), payload });
  });
  const request = (path: string, init?: RequestInit) => app.http.handle(new Request(`http://localhost${path}`, init));
  return {
    app, clock, config, events,
    eventNames: () => events.map((e) => e.name),
    request,
    anonymous: () => new TestClient(request),
    async signIn(role = 'agent', overrides = {}) {
      counter++;
      const user = await createUser(app.core, {
        email: overrides.email ?? `${role}${counter}@example.test`, name: overrides.name ?? `${role} ${counter}`, password: TEST_PASSWORD, role,
      }, null);
      const { token, session } = createSession(app.core, user.id);
      const client = new TestClient(request, { turno_session: token }, session.csrfToken);
      return { user, client };
    },
    async close(opts: { keepData?: boolean } = {}) {
      await app.core.bus.drain();
      untrack();
      await app.stop();
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
      await assertNoHandlerFailed();
    },
  };
}
