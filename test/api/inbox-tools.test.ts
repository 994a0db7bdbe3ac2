/**
 * Inbox tools over HTTP: search page (visibility, escaping of an XSS payload in snippets, jump
 * link, load around an old message, older pages), canned responses (personal/shared permissions,
 * expansion per conversation), profile (locale takes effect, CSRF, password change revokes other
 * sessions, availability), template picker (only approved listed, variables → sent payload).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createSession } from '../../src/core/auth';
import { auditLog, jobs, messages, messageTemplates, sessions, users } from '../../src/db/schema';
import { newId } from '../../src/lib/ids';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app';
import { TestClient } from '../helpers/test-client';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const XSS = '<img src=x onerror=alert(1)> pedido urgente';

describe('search page', () => {
  test('finds visible messages with escaped highlights and a jump link; outsiders see nothing', async () => {
    const member = await t.signIn('agent');
    const outsider = await t.signIn('agent');
    const { channelId } = makeChannel(t, { teamOnly: true, members: [member.user.id] });
    const r = customerSays(t, channelId, XSS, { name: 'Marta "<b>"' });
    const res = await member.client.get('/inbox/search?q=PEDIDO');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; <mark>pedido</mark> urgente');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain(`href="/inbox/c/${r.conversation!.id}?m=${r.message!.id}#m-${r.message!.id}"`);
    expect(page).toContain('Marta &quot;&lt;b&gt;&quot;');
    const other = await (await outsider.client.get('/inbox/search?q=pedido')).text();
    expect(other).not.toContain(r.message!.id);
    expect(other).toContain('id="search-none"');
    expect((await t.anonymous().get('/inbox/search?q=pedido')).status).toBe(303);
  });

  test('the jump link loads the thread around an old message; older pages load by keyset', async () => {
    const { client } = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const first = customerSays(t, channelId, 'mensaje antiguo con tornillos', { from: '5491100007777' });
    for (let i = 0; i < 120; i++) { t.clock.advance(1000); customerSays(t, channelId, `relleno ${i}`, { from: '5491100007777' }); }
    const id = first.conversation!.id;
    const latest = await (await client.get(`/inbox/c/${id}`)).text();
    expect(latest).not.toContain(`id="m-${first.message!.id}"`);
    expect(latest).toContain(`/inbox/c/${id}/older?before=`);

    const jumped = await (await client.get(`/inbox/c/${id}?m=${first.message!.id}`)).text();
    expect(jumped).toContain(`id="m-${first.message!.id}"`);
    expect(jumped).not.toContain(`/inbox/c/${id}/older`);

    const before = /older\?before=([\w-]+)/.exec(latest)![1]!;
    const older = await (await client.get(`/inbox/c/${id}/older?before=${before}`)).text();
    expect(older).toContain('relleno 20');
    expect(older).not.toContain(`id="m-${before}"`);
  });
});

describe('canned responses', () => {
  test('agents manage personal ones; shared ones need a supervisor; expansion fills variables', async () => {
    const agent = await t.signIn('agent', { name: 'Lucía Pérez' });
    const sup = await t.signIn('supervisor');
    expect((await agent.client.form('/settings/canned', { shortcut: 'hola', title: 'Saludo', content: 'Hola {{contact.name}}, soy {{ agent.name }} (#{{conversation.number}}, {{contact.phone}}) {{unknown}}' })).status).toBe(303);
    const shared = await agent.client.form('/settings/canned', { shortcut: 'envio', title: 'Envío', content: 'x', shared: 'true' });
    expect(shared.status).toBe(403);
    expect((await sup.client.form('/settings/canned', { shortcut: 'envio', title: 'Envío', content: 'Tu pedido sale hoy <b>', shared: 'true' })).status).toBe(303);
    const bad = await agent.client.form('/settings/canned', { shortcut: 'con espacio', title: 'x', content: 'y' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('sin espacios');
    const dup = await agent.client.form('/settings/canned', { shortcut: 'HOLA', title: 'x', content: 'y' });
    expect(dup.status).toBe(409);

    const page = await (await agent.client.get('/settings/canned')).text();
    expect(page).toContain('Tu pedido sale hoy &lt;b&gt;');
    const sharedId = /id="canned-([\w-]+)"[\s\S]*?<code>\/envio<\/code>/.exec(page)![1]!;
    expect((await agent.client.form(`/settings/canned/${sharedId}/delete`, {})).status).toBe(403);

    const { channelId } = makeChannel(t);
    const r = customerSays(t, channelId, 'hola', { name: 'Pedro' });
    const list = await (await agent.client.get(`/inbox/c/${r.conversation!.id}/canned`)).json() as Array<{ shortcut: string; text: string; shared: boolean }>;
    expect(list.map((c) => c.shortcut)).toEqual(['envio', 'hola']);
    expect(list.find((c) => c.shortcut === 'hola')!.text).toBe(`Hola Pedro, soy Lucía Pérez (#${r.conversation!.number}, ) {{unknown}}`);
    expect((await sup.client.get(`/inbox/c/${r.conversation!.id}/canned`)).ok).toBe(true);
    const supList = await (await sup.client.get(`/inbox/c/${r.conversation!.id}/canned`)).json() as unknown[];
    expect(supList).toHaveLength(1);
  });
});

describe('profile', () => {
  test('language change takes effect on the next page; CSRF is required', async () => {
    const { user, client } = await t.signIn('agent');
    const noCsrf = new TestClient(t.request, { ...client.cookies }, null);
    expect((await noCsrf.form('/profile', { name: 'X', locale: 'en' })).status).toBe(403);
    expect((await client.form('/profile', { name: 'Ana Souza', locale: 'pt-BR', avatarColor: '#2563eb' })).status).toBe(303);
    const page = await (await client.get('/inbox')).text();
    expect(page).toContain('<html lang="pt-BR">');
    const row = t.app.core.db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect([row.name, row.locale, row.avatarColor]).toEqual(['Ana Souza', 'pt-BR', '#2563eb']);
    const invalid = await client.form('/profile', { name: '', locale: 'pt-BR' });
    expect(invalid.status).toBe(422);
  });

  test('password change needs the current password and signs out the other sessions only', async () => {
    const { user, client } = await t.signIn('agent');
    const other = createSession(t.app.core, user.id);
    const wrong = await client.form('/profile/password', { current: 'nope', next: 'another long password' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Tu contraseña actual no es correcta');
    const short = await client.form('/profile/password', { current: TEST_PASSWORD, next: 'short' });
    expect(short.status).toBe(422);
    expect((await client.form('/profile/password', { current: TEST_PASSWORD, next: 'another long password' })).status).toBe(303);
    expect(t.app.core.db.select().from(sessions).where(eq(sessions.userId, user.id)).all().map((s) => s.id)).not.toContain(other.session.id);
    expect((await client.get('/profile')).status).toBe(200);
    const otherClient = new TestClient(t.request, { turno_session: other.token });
    expect((await otherClient.get('/profile')).status).toBe(303);
    const hash = t.app.core.db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash;
    expect(await Bun.password.verify('another long password', hash)).toBe(true);
    expect(t.app.core.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.password'))).all().length).toBeGreaterThan(0);
  });

  test('notification settings are stored and rendered into the inbox; manual availability', async () => {
    const { user, client } = await t.signIn('agent');
    const until = new Date(t.clock.now() + 3600_000);
    const local = new Date(until.getTime() - until.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    expect((await client.form('/profile/notifications', { browser: 'true', muteUntil: local })).status).toBe(303);
    const stored = t.app.core.db.select().from(users).where(eq(users.id, user.id)).get()!.notificationSettings as Record<string, unknown>;
    expect(stored.sound).toBe(false);
    expect(stored.browser).toBe(true);
    expect(Math.abs(Number(stored.muteUntil) - until.getTime())).toBeLessThan(60_000);
    const inbox = await (await client.get('/inbox')).text();
    expect(inbox).toContain('data-notify="{&quot;sound&quot;:false,&quot;browser&quot;:true,&quot;muteUntil&quot;:');

    const res = await client.form('/profile/availability', { availability: 'away', back: '/inbox' });
    expect(res.headers.get('location')).toBe('/inbox');
    expect(t.app.core.db.select().from(users).where(eq(users.id, user.id)).get()!.availabilityManual).toBe('away');
    await t.app.core.bus.drain();
    expect(t.events.some((e) => e.name === 'user.presence' && e.payload.userId === user.id && e.payload.availability === 'away')).toBe(true);
    expect((await client.form('/profile/availability', { availability: 'auto', back: '//evil.example' })).headers.get('location')).toBe('/profile?ok=availability');
    expect(t.app.core.db.select().from(users).where(eq(users.id, user.id)).get()!.availabilityManual).toBeNull();
    expect(await (await client.get('/profile')).text()).toContain('id="status-menu"');
  });
});

describe('template picker', () => {
  test('lists only approved templates with their variables and sends the values', async () => {
    const { client, user } = await t.signIn('supervisor');
    const { storeUpload } = await import('../../src/core/media-store');
    const headerFile = storeUpload(t.app.core, { bytes: new Uint8Array([0xff, 0xd8, 1]), mimeType: 'image/jpeg', filename: 'pedido.jpg' }, user.id);
    const { channelId } = makeChannel(t);
    const now = t.clock.now();
    const add = (name: string, status: string, components: unknown[]) => t.app.core.db.insert(messageTemplates).values({
      id: newId(), channelId, externalId: null, name, language: 'es', status, category: 'UTILITY', components, syncedAt: now,
    }).run();
    add('pedido_listo', 'APPROVED', [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Hola {{1}}, tu pedido {{2}} está listo. {{1}}' },
      { type: 'FOOTER', text: 'Tienda' },
    ]);
    add('promo', 'REJECTED', [{ type: 'BODY', text: 'x' }]);
    add('cita', 'PENDING', [{ type: 'BODY', text: 'y' }]);
    const r = customerSays(t, channelId, 'hola');
    t.clock.advance(25 * 3600_000);
    const id = r.conversation!.id;
    const list = await (await client.get(`/inbox/c/${id}/templates`)).json() as Array<{ name: string; bodyVars: string[]; header: { format: string }; footer: string }>;
    expect(list.map((x) => x.name)).toEqual(['pedido_listo']);
    expect(list[0]!.bodyVars).toEqual(['1', '2']);
    expect(list[0]!.header.format).toBe('IMAGE');

    const page = await (await client.get(`/inbox/c/${id}`)).text();
    expect(page).toContain('templatePicker(');
    const free = await client.form(`/inbox/c/${id}/messages`, { content: 'hola?' });
    expect(free.status).toBe(422);

    const sent = await client.json('POST', `/inbox/c/${id}/template`, { name: 'pedido_listo', language: 'es', body: ['Ana', 'A-77'], header: { type: 'image', attachmentId: headerFile.id } });
    expect(sent.status).toBe(200);
    const { id: messageId } = await sent.json() as { id: string };
    const message = t.app.core.db.select().from(messages).where(eq(messages.id, messageId)).get()!;
    expect(message.type).toBe('template');
    expect(message.payload).toEqual({ template: { name: 'pedido_listo', language: 'es', body: ['Ana', 'A-77'], header: { type: 'image', attachmentId: headerFile.id } } });
    expect(t.app.core.db.select().from(jobs).where(eq(jobs.type, 'message.send')).all().some((j) => (j.payload as { messageId: string }).messageId === messageId)).toBe(true);

    const rejected = await client.json('POST', `/inbox/c/${id}/template`, { name: 'promo', language: 'es', body: [] });
    expect(rejected.status).toBe(422);
    const outsider = await t.signIn('agent');
    const { channelId: hidden } = makeChannel(t, { teamOnly: true });
    const h = customerSays(t, hidden, 'secreto');
    expect((await outsider.client.get(`/inbox/c/${h.conversation!.id}/templates`)).status).toBe(404);
  });
});
