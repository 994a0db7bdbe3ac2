/**
 * Durable plugin delivery across a crash: a server is killed (SIGKILL) after a customer message
 * committed but while its plugin handler had not finished; after the restart the plugin receives
 * that event exactly once, before the next one (in order).
 */
import { afterEach, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, prepareDataDir, ROOT, startServerProcess } from '../helpers/server-process';
import { inboundBody, postSigned, queryDb, waitUntil } from './helpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('an event committed but not yet delivered to a plugin is delivered once after a crash', async () => {
  const dir = await prepareDataDir();
  cleanups.push(() => dir.remove());
  const scratch = mkdtempSync(join(tmpdir(), 'turno-plugin-crash-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const marker = join(scratch, 'delivery-started');
  const env = { TURNO_PLUGINS_DIR: join(ROOT, 'test/fixtures/plugins/crash') };
  const port = freePort();

  const first = await startServerProcess(dir.dataDir, { port, env: { ...env, TURNO_TEST_HANG_MARKER: marker } });
  cleanups.push(() => first.kill());
  expect(await postSigned(first.url, inboundBody('wamid.plugin.crash.1', 1))).toBe(200);
  await waitUntil(() => existsSync(marker), 'the plugin handler to start on the first message');
  await first.kill();
  expect(queryDb(dir.dataDir, "SELECT count(*) AS n FROM messages WHERE external_id = 'wamid.plugin.crash.1'")).toEqual([{ n: 1 }]);
  expect(queryDb(dir.dataDir, 'SELECT count(*) AS n FROM recorder_deliveries')).toEqual([{ n: 0 }]);

  const second = await startServerProcess(dir.dataDir, { port, env });
  cleanups.push(() => second.kill());
  expect(await postSigned(second.url, inboundBody('wamid.plugin.crash.2', 2))).toBe(200);
  // Delivery is in order: once the second message's event is recorded, the first one's was handled.
  await waitUntil(() => queryDb(dir.dataDir, "SELECT 1 FROM recorder_deliveries WHERE wamid = 'wamid.plugin.crash.2'").length === 1, 'the second message to reach the plugin');
  const deliveries = queryDb<{ wamid: string }>(dir.dataDir, 'SELECT wamid FROM recorder_deliveries ORDER BY rowid');
  expect(deliveries.map((d) => d.wamid)).toEqual(['wamid.plugin.crash.1', 'wamid.plugin.crash.2']);
}, 120_000);
