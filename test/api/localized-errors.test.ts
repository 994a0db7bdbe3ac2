/** Form and composer errors from core reach people in their language; the API keeps English. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('localized error messages', () => {
  test('the Spanish setup page says "Usa al menos 10 caracteres" for a short password', async () => {
    const browser = t.anonymous();
    const headers = { 'accept-language': 'es-ES,es;q=0.9' };
    const token = (await (await browser.get('/setup', headers)).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const res = await browser.form('/setup', { _csrf: token, name: 'Ana', email: 'ana@example.test', password: 'corta' }, headers);
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('Usa al menos 10 caracteres');
    expect(body).not.toContain('Use at least 10 characters');
    // finish setup so the other tests run on an installed app
    expect((await browser.form('/setup', { _csrf: token, name: 'Ana', email: 'ana@example.test', password: TEST_PASSWORD }, headers)).status).toBe(303);
  });

  test('a Portuguese-speaking agent gets the closed-window notice in Portuguese', async () => {
    const agent = await t.signIn('agent');
    t.app.core.db.update(users).set({ locale: 'pt-BR' }).where(eq(users.id, agent.user.id)).run();
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'olá').conversation!.id;
    t.clock.advance(25 * 3600_000);
    const res = await agent.client.form(`/inbox/c/${id}/messages`, { content: 'tarde demais', private: 'false' }, { 'accept-language': 'es' });
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('A janela de 24 horas está fechada: o cliente não escreveu nas últimas 24 horas. Envie um modelo aprovado.');
    expect(body).not.toContain('24-hour window');
  });

  test('a page endpoint answering JSON to the UI speaks the user\'s language; /api/ stays English', async () => {
    const agent = await t.signIn('agent');
    t.app.core.db.update(users).set({ locale: 'pt-BR' }).where(eq(users.id, agent.user.id)).run();
    const ui = await agent.client.get('/inbox/c/nope/templates', { accept: 'application/json', 'accept-language': 'es' });
    expect(ui.status).toBe(404);
    expect((await ui.json()).error.message).toBe('Conversa não encontrada');
    const api = await agent.client.get('/api/v1/conversations/nope', { 'accept-language': 'es' });
    expect(api.status).toBe(404);
    expect((await api.json()).error.message).toBe('Conversation not found');
  });

  test('the not-found page of an unknown address speaks the signed-in user\'s language, not the browser\'s', async () => {
    const agent = await t.signIn('agent');
    t.app.core.db.update(users).set({ locale: 'en' }).where(eq(users.id, agent.user.id)).run();
    const res = await agent.client.get('/no/such/page', { 'accept-language': 'es-ES,es;q=0.9' });
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain('lang="en"');
    expect(body).not.toContain('lang="es"');
  });
});
