/**
 * API tokens in the UI: a user creates a named, scoped token on /settings/tokens and sees its
 * secret exactly once; the list shows scopes and the last use with its address; rename and revoke
 * work (revocation is immediate); agents cannot grant the admin scope; admins see every user's
 * tokens on /admin/tokens; the page is translated.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('token pages', () => {
  test('create (shown once), use, rename, revoke', async () => {
    const { client, user } = await t.signIn('agent', { name: 'Ana Agente' });
    const created = await client.json('POST', '/settings/tokens', { name: 'Zapier', scopes: ['read', 'write', 'admin'] });
    expect(created.status).toBe(201);
    const page = await created.text();
    const secret = /value="(turno_[^"]+)"/.exec(page)![1]!;
    const row = t.app.core.db.$client.query<{ id: string; scopes: string }, [string]>('SELECT id, scopes FROM api_tokens WHERE user_id = ?').get(user.id)!;
    expect(JSON.parse(row.scopes)).toEqual(['read', 'write']);
    expect((await t.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    const list = await (await client.get('/settings/tokens')).text();
    expect(list).not.toContain(secret);
    expect(list).toContain('Zapier');
    expect(list).toContain(secret.slice(0, 12));
    expect(list).not.toContain('Never used');
    expect((await client.form(`/settings/tokens/${row.id}/rename`, { name: 'Zapier prod' })).status).toBe(303);
    expect(await (await client.get('/settings/tokens')).text()).toContain('Zapier prod');
    expect((await client.form(`/settings/tokens/${row.id}/revoke`, {})).status).toBe(303);
    expect((await t.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    const actions = t.app.core.db.$client.query<{ action: string }, []>("SELECT action FROM audit_log WHERE action LIKE 'api_token.%' ORDER BY created_at, rowid").all().map((r) => r.action);
    expect(actions).toEqual(['api_token.create', 'api_token.rename', 'api_token.revoke']);
  });

  test('a nameless token is refused with a translated message; another user\'s token is not found', async () => {
    const { client } = await t.signIn('agent');
    const other = await t.signIn('agent');
    await other.client.form('/settings/tokens', { name: 'ajeno', scopes: 'read' });
    const theirs = t.app.core.db.$client.query<{ id: string }, [string]>('SELECT id FROM api_tokens WHERE user_id = ?').get(other.user.id)!.id;
    const res = await client.form('/settings/tokens', { name: ' ', scopes: 'read' }, { 'accept-language': 'es' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Ponle un nombre al token');
    expect((await client.form(`/settings/tokens/${theirs}/revoke`, {})).status).toBe(404);
  });

  test('admins list every user\'s tokens; agents may not', async () => {
    const admin = await t.signIn('admin');
    const page = await (await admin.client.get('/admin/tokens')).text();
    expect(page).toContain('Ana Agente');
    expect(page).toContain('ajeno');
    const agent = await t.signIn('agent');
    expect((await agent.client.get('/admin/tokens')).status).toBe(403);
  });
});
