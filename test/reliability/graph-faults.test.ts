/**
 * Graph faults from the simulator while a batch of replies is queued: 5xx bursts, 130429 rate
 * limits, connection resets, time-outs and an expired token (190). Sends retry with backoff, the
 * channel pauses as `needs_reauth` on 190 and resumes when the token is updated, and in the end
 * every message reached the provider exactly once — nothing lost, nothing doubled.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { sendMessage } from '../../src/core/messages';
import { getChannelOrThrow, updateWhatsAppChannel } from '../../src/core/channels';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, APP_SECRET, messagesEnvelope, PHONE_NUMBER_ID, postWebhook, textMessage, WABA_ID } from '../helpers/whatsapp';
import { sendsById } from './helpers';

let t: TestApp;
let sim: GraphSimulator;
beforeEach(async () => {
  t = await createTestApp({ env: { TURNO_GRAPH_TIMEOUT_MS: '300', TURNO_SEND_RECONCILE_MS: '5000' } });
  sim = await startGraphSimulator({ appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token', statusDelays: false });
});
afterEach(async () => {
  await sim.stop();
  await t.close();
});

/** Opens the 24-h window and queues `n` replies; returns their ids and the channel. */
async function queueReplies(n: number) {
  const channel = addTestChannel(t, sim.url);
  expect((await postWebhook(t, messagesEnvelope([textMessage('wamid.in.1', 'hola', Math.floor(t.clock.now() / 1000))]))).status).toBe(200);
  t.app.ingest.processPending();
  const conversationId = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM conversations').get()!.id;
  const ids = Array.from({ length: n }, (_, i) => sendMessage(t.app.core, conversationId, { type: 'system', name: 'test' }, { content: `respuesta ${i}` }).id);
  await t.app.core.bus.drain();
  return { ids, channel };
}

/** Runs due jobs and moves the fake clock on until `done` or `rounds` run out. */
async function drive(done: () => boolean, rounds = 80, stepMs = 30_000) {
  for (let i = 0; i < rounds && !done(); i++) {
    await t.app.jobs.runDue();
    t.clock.advance(stepMs);
  }
}

const unsent = () => t.app.core.db.$client.query<{ n: number }, []>("SELECT count(*) AS n FROM messages WHERE direction = 'outbound' AND external_id IS NULL").get()!.n;

describe('Graph faults', () => {
  test('5xx bursts, 130429, resets and time-outs: retried with backoff, each message sent exactly once', async () => {
    const { ids } = await queueReplies(12);
    sim.setFailure({ mode: 'http', httpStatus: 503, times: 4 });
    sim.setFailure({ code: 130429, times: 3 });
    sim.setFailure({ mode: 'reset', times: 2 });
    sim.setFailure({ mode: 'timeout', hangMs: 2000, times: 2 });
    sim.setFailure({ code: 131000, httpStatus: 500, times: 2 });
    await drive(() => unsent() === 0);
    expect(unsent()).toBe(0);
    const counts = sendsById(sim.sent);
    expect(ids.map((id) => counts.get(id) ?? 0)).toEqual(ids.map(() => 1));
    const retried = t.app.core.db.$client.query<{ n: number }, []>("SELECT count(*) AS n FROM jobs WHERE type = 'message.send' AND attempts > 1").get()!.n;
    expect(retried).toBeGreaterThan(0);
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM jobs WHERE status = 'dead'").get()).toEqual({ n: 0 });
  }, 60_000);

  /**
   * Fails the single queued send `times` times and returns the delay the job was rescheduled with
   * after each failure, checking the job is really not retried before its `run_at`.
   */
  async function retryDelays(times: number): Promise<number[]> {
    const job = () => t.app.core.db.$client.query<{ attempts: number; runAt: number; status: string }, []>(
      "SELECT attempts, run_at AS runAt, status FROM jobs WHERE type = 'message.send'").get()!;
    const delays: number[] = [];
    for (let i = 0; i < times; i++) {
      await t.app.jobs.runDue();
      const failed = job();
      expect([failed.status, failed.attempts]).toEqual(['queued', i + 1]);
      delays.push(failed.runAt - t.clock.now());
      t.clock.advance(failed.runAt - t.clock.now() - 1);
      await t.app.jobs.runDue(); // 1 ms early: nothing runs
      expect(job().attempts).toBe(i + 1);
      t.clock.advance(1);
    }
    await t.app.jobs.runDue();
    expect(sim.sent).toHaveLength(1);
    return delays;
  }

  test('a 503 is retried later, not at once, and each wait is longer than the one before', async () => {
    await queueReplies(1);
    sim.setFailure({ mode: 'http', httpStatus: 503, times: 4 });
    const delays = await retryDelays(4);
    // Exponential with jitter: attempt n waits between 2^(n-1) and 2^n seconds.
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(1000 * 2 ** i);
      expect(d).toBeLessThanOrEqual(2000 * 2 ** i);
    });
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
  });

  test('130429 (throughput limit) waits at least its 2 s minimum, and longer when it persists', async () => {
    await queueReplies(1);
    sim.setFailure({ code: 130429, times: 4 });
    const delays = await retryDelays(4);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000);
    expect(delays[3]!).toBeGreaterThanOrEqual(8000); // a steady 2 s would use up the 8 attempts in ~16 s and fail the message
  });

  test('190 pauses the channel (needs_reauth) without losing messages; a new token resumes sending exactly once each', async () => {
    const { ids, channel } = await queueReplies(5);
    sim.setAccessToken('EAAG-rotated-token');
    await drive(() => getChannelOrThrow(t.app.core, channel.id).status === 'needs_reauth', 5);
    expect(getChannelOrThrow(t.app.core, channel.id).status).toBe('needs_reauth');
    await drive(() => false, 5, 60_000);
    expect(sim.sent).toHaveLength(0);
    expect(unsent()).toBe(5);
    expect(t.app.core.db.$client.query("SELECT count(*) AS n FROM messages WHERE status = 'failed'").get()).toEqual({ n: 0 });

    updateWhatsAppChannel(t.app.core, channel.id, { accessToken: 'EAAG-rotated-token' }, null);
    expect(getChannelOrThrow(t.app.core, channel.id).status).toBe('active');
    await drive(() => unsent() === 0, 20, 60_000);
    const counts = sendsById(sim.sent);
    expect(ids.map((id) => counts.get(id) ?? 0)).toEqual([1, 1, 1, 1, 1]);
  }, 60_000);
});
