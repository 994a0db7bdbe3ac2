/**
 * Browser-test harness: headless Debian Chromium driven by playwright-core, and a real listening
 * Turno server on a random port. Outside CI, tests skip (saying why) when Chromium is missing; in
 * CI (CI=true) a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PublicUser } from '../../src/core/types';
import type { Role } from '../../src/db/schema/enums';
import { createTestApp, type TestApp } from '../helpers/test-app';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** True when browser tests can run here; in CI a missing browser is an error, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run must install the Debian package "chromium"`);
  console.warn(`[e2e] skipping browser tests: ${CHROMIUM_PATH} not found (install the Debian package "chromium"; CI must)`);
  return false;
}

/** Launches headless Chromium with the project's flags. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface LiveServer extends TestApp {
  baseUrl: string;
}

/** A test app listening on a random loopback port, with background workers running. */
export async function startLiveServer(opts: Parameters<typeof createTestApp>[0] = {}): Promise<LiveServer> {
  const t = await createTestApp(opts);
  t.app.jobs.start();
  const port = t.app.listen(0);
  return Object.assign(t, { baseUrl: `http://127.0.0.1:${port}` });
}

/**
 * A browser tab signed in as a new user of `role` (English UI, `width` px wide): a fresh context
 * carrying the user's session cookie.
 */
export async function signedInPage(server: LiveServer, browser: Browser, opts: { role?: Role; name: string; width?: number }): Promise<{ page: Page; context: BrowserContext; user: PublicUser }> {
  const { client, user } = await server.signIn(opts.role ?? 'supervisor', { name: opts.name });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: opts.width ?? 1280, height: 800 } });
  await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
  return { page: await context.newPage(), context, user };
}
