/**
 * Storage failures are loud, never silent loss: `/readyz` writes a real probe file in the data
 * dir (so it fails for a path that cannot be written, even as root), and a webhook whose insert
 * fails is answered 500 — so Meta delivers it again — and reported by `/readyz`.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { ROOT } from '../helpers/server-process';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  addTestChannel(t);
});
afterEach(() => t.close());

const readyz = async () => {
  const res = await t.request('/readyz');
  return { status: res.status, body: (await res.json()) as { status: string; problems: string[] } };
};

describe('storage failures', () => {
  test('/readyz fails with the reason when the data dir cannot be written', async () => {
    expect((await readyz()).status).toBe(200);
    const realDir = t.app.core.config.dataDir;
    const notADir = join(realDir, 'a-file');
    writeFileSync(notADir, 'x');
    t.app.core.config.dataDir = join(notADir, 'data'); // a file where a directory is expected
    try {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.status).toBe('not_ready');
      expect(body.problems.join(' ')).toMatch(/data dir is not writable .*a-file\/data.*ENOTDIR/);
    } finally {
      t.app.core.config.dataDir = realDir;
    }
    expect((await readyz()).status).toBe(200);
  });

  test('a webhook that cannot be stored is answered 500 (provider retries), reported by /readyz, and stored once writes work again', async () => {
    const db = t.app.core.db.$client;
    db.exec("CREATE TRIGGER fail_webhook_insert BEFORE INSERT ON webhook_events BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END");
    const body = messagesEnvelope([textMessage('wamid.diskfull.1', 'hola', Math.floor(Date.now() / 1000))]);
    const res = await postWebhook(t, body);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage_failed');
    expect(db.query('SELECT count(*) AS n FROM webhook_events').get()).toEqual({ n: 0 });
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.body.problems.join(' ')).toContain('webhooks cannot be stored (database or disk is full)');

    db.exec('DROP TRIGGER fail_webhook_insert');
    expect((await postWebhook(t, body)).status).toBe(200);
    expect((await readyz()).status).toBe(200);
    t.app.ingest.processPending();
    expect(db.query("SELECT count(*) AS n FROM messages WHERE external_id = 'wamid.diskfull.1'").get()).toEqual({ n: 1 });
  });

  /** A customer conversation (an inbound text) and a signed-in agent who can write in it. */
  async function conversationAndAgent() {
    const body = messagesEnvelope([textMessage('wamid.storage.opener', 'hola', Math.floor(Date.now() / 1000))]);
    expect((await postWebhook(t, body)).status).toBe(200);
    t.app.ingest.processPending();
    await t.app.core.bus.drain();
    const { id } = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM conversations LIMIT 1').get()!;
    const { client } = await t.signIn('admin');
    return { id, client };
  }

  const conditions = [
    {
      name: 'database full (PRAGMA max_page_count at the current size)',
      // No new page may be allocated; writes that fit in existing pages still work (like a full disk).
      apply: (db: TestApp['app']['core']['db']['$client']) => {
        const { n } = db.query<{ n: number }, []>('SELECT page_count AS n FROM pragma_page_count()').get()!;
        db.exec(`PRAGMA max_page_count = ${n}`);
      },
      lift: (db: TestApp['app']['core']['db']['$client']) => db.exec('PRAGMA max_page_count = 1073741823'),
      reason: /database or disk is full/,
      smallWritesFail: false,
    },
    {
      name: 'database read-only (PRAGMA query_only)',
      apply: (db: TestApp['app']['core']['db']['$client']) => db.exec('PRAGMA query_only = 1'),
      lift: (db: TestApp['app']['core']['db']['$client']) => db.exec('PRAGMA query_only = 0'),
      reason: /readonly database/,
      smallWritesFail: true,
    },
  ];

  test.each(conditions)('$name: webhook 500, /readyz names it, UI and API writes get an actionable error; all recover once lifted', async ({ apply, lift, reason, smallWritesFail }) => {
    const { id, client } = await conversationAndAgent();
    const db = t.app.core.db.$client;
    const big = 'x'.repeat(20_000);
    const webhook = messagesEnvelope([textMessage('wamid.storage.1', big, Math.floor(Date.now() / 1000))]);
    const count = (sql: string) => (db.query(sql).get() as { n: number }).n;
    const eventsBefore = count('SELECT count(*) AS n FROM webhook_events');
    const messagesBefore = count('SELECT count(*) AS n FROM messages');
    apply(db);
    try {
      const res = await postWebhook(t, webhook);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage_failed');
      expect(count('SELECT count(*) AS n FROM webhook_events')).toBe(eventsBefore);

      const ready = await readyz();
      expect(ready.status).toBe(503);
      expect(ready.body.problems.join(' ')).toMatch(/database cannot be written/);
      expect(ready.body.problems.join(' ')).toMatch(reason);

      const api = await client.json('POST', `/api/v1/conversations/${id}/messages`, { content: big.slice(0, 4000) });
      expect(api.status).toBe(503);
      const apiError = ((await api.json()) as { error: { code: string; message: string } }).error;
      expect(apiError.code).toBe('storage_unavailable');
      expect(apiError.message).toMatch(reason);
      expect(apiError.message).toMatch(/Nothing was saved.*free disk space/);

      // The composer shows form failures inline (its 422 notice), in the agent's language.
      const ui = await client.form(`/inbox/c/${id}/messages`, { content: big.slice(0, 4000) });
      expect(ui.status).toBe(422);
      expect(await ui.text()).toContain('No se pudo guardar: Turno no puede escribir en su base de datos');
      if (smallWritesFail) {
        // Any other page write refused by storage gets the same text on a 503 page, not a crash.
        const page = await client.form(`/inbox/c/${id}/priority`, { priority: 'high' });
        expect([page.status, (await page.text()).includes('No se pudo guardar')]).toEqual([503, true]);
      }
      expect(count('SELECT count(*) AS n FROM messages')).toBe(messagesBefore);
      expect((await t.request('/healthz')).status).toBe(200); // the process is up, only storage is not
    } finally {
      lift(db);
    }
    expect((await postWebhook(t, webhook)).status).toBe(200);
    expect((await readyz()).status).toBe(200);
    expect((await client.json('POST', `/api/v1/conversations/${id}/messages`, { content: 'ya funciona' })).status).toBe(201);
    expect((await client.form(`/inbox/c/${id}/messages`, { content: 'desde la bandeja' })).status).toBe(200);
    t.app.ingest.processPending();
    expect(count("SELECT count(*) AS n FROM messages WHERE external_id = 'wamid.storage.1'")).toBe(1);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(messagesBefore + 3);
  });
});

describe('an unwritable data dir at start', () => {
  const fileAsDir = () => {
    const file = join(t.config.dataDir, 'not-a-dir');
    writeFileSync(file, 'x');
    return join(file, 'data');
  };

  test('createApp throws one clear line naming the dir and the cause', () => {
    const dataDir = fileAsDir();
    let message = '';
    try {
      createApp(loadConfig({ TURNO_LOG_LEVEL: 'silent' }, { dataDir }), { startWorkers: false, logger: createLogger('silent') });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(dataDir);
    expect(message).toMatch(/data dir .*not writable.*ENOTDIR.*TURNO_DATA_DIR/);
    expect(message).not.toContain('\n');
  });

  test('`turno serve` exits 1 with that line on stderr (no stack trace)', async () => {
    const dataDir = fileAsDir();
    const proc = Bun.spawn([process.execPath, join(ROOT, 'src/main.ts'), 'serve'], {
      cwd: ROOT, env: { ...process.env, TURNO_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', TURNO_LOG_LEVEL: 'error' }, stdout: 'ignore', stderr: 'pipe',
    });
    const [code, stderr] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^turno serve: data dir is not writable \(.*not-a-dir\/data\): ENOTDIR; set TURNO_DATA_DIR to a writable directory$/);
  }, 30_000);
});
