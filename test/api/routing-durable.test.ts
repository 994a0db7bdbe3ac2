import { afterEach, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps) await t.close();
  apps = [];
});

test('routing resumes from its cursor: a message committed but not routed before a crash is routed at the next start', async () => {
  const first = await createTestApp();
  addTestChannel(first);
  await postWebhook(first, messagesEnvelope([textMessage('wamid.R1', 'hola', Math.floor(Date.now() / 1000))]));
  await first.app.ingest.processPending();
  await first.app.core.bus.drain();
  const db = first.app.core.db.$client;
  const { id } = db.query('SELECT id FROM conversations').get() as { id: string };
  expect(db.query("SELECT count(*) AS n FROM conversation_events WHERE conversation_id = ? AND kind = 'routed'").get(id)).toEqual({ n: 1 });
  // Put the database back as a crash right after the ingest commit would have left it: the message
  // and its logged event are there, routing's cursor has not passed it, nothing was routed.
  const seq = (db.query("SELECT seq FROM event_log WHERE name = 'message.created'").get() as { seq: number }).seq;
  db.run("UPDATE event_cursors SET last_seq = ? WHERE consumer = 'routing'", [seq - 1]);
  db.run("DELETE FROM conversation_events WHERE conversation_id = ? AND kind = 'routed'", [id]);
  const dataDir = first.config.dataDir;
  await first.close({ keepData: true });

  const second = await createTestApp({ dataDir });
  apps.push(second);
  await second.app.core.bus.drain();
  const again = second.app.core.db.$client;
  expect(again.query("SELECT count(*) AS n FROM conversation_events WHERE conversation_id = ? AND kind = 'routed'").get(id)).toEqual({ n: 1 });
  expect((again.query("SELECT last_seq FROM event_cursors WHERE consumer = 'routing'").get() as { last_seq: number }).last_seq).toBeGreaterThanOrEqual(seq);
});

test('a one-shot CLI process delivers nothing (no race with the server); the server delivers what it logged', async () => {
  const cli = await createTestApp({ app: { deliverEvents: false } });
  addTestChannel(cli);
  await postWebhook(cli, messagesEnvelope([textMessage('wamid.R2', 'hola', Math.floor(Date.now() / 1000))]));
  await cli.app.ingest.processPending();
  await cli.app.core.bus.drain();
  const routed = (t: TestApp) => (t.app.core.db.$client.query("SELECT count(*) AS n FROM conversation_events WHERE kind = 'routed'").get() as { n: number }).n;
  expect(routed(cli)).toBe(0);
  const dataDir = cli.config.dataDir;
  await cli.close({ keepData: true });
  const server = await createTestApp({ dataDir });
  apps.push(server);
  await server.app.core.bus.drain();
  expect(routed(server)).toBe(1);
});
