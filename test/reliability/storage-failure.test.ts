/**
 * Storage failures are loud, never silent loss: `/readyz` writes a real probe file in the data
 * dir (so it fails for a path that cannot be written, even as root), and a webhook whose insert
 * fails is answered 500 — so Meta delivers it again — and reported by `/readyz`.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
