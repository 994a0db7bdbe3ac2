/** Inbox routes: page, thread, permissions (404 outside the channel's teams), CSRF, actions, media. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { storeUpload } from '../../src/core/media-store';
import { attachments, conversationReads, jobs, mentions, messages } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('inbox pages and permissions', () => {
  test('an agent inside the team sees the thread; an outsider gets 404 for it and its media', async () => {
    const member = await t.signIn('agent', { name: 'Ana Gómez' });
    const outsider = await t.signIn('agent');
    const { channelId } = makeChannel(t, { teamOnly: true, members: [member.user.id] });
    const r = customerSays(t, channelId, 'quiero <b>ayuda</b>', { name: 'Eve <script>' });
    const id = r.conversation!.id;
    const file = storeUpload(t.app.core, { bytes: new TextEncoder().encode('PDFDATA'), mimeType: 'application/pdf', filename: '../../etc/pa"ss.pdf' }, member.user.id);
    t.app.core.db.update(attachments).set({ messageId: r.message!.id }).where(eq(attachments.id, file.id)).run();

    const page = await member.client.get(`/inbox/c/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('quiero &lt;b&gt;ayuda&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('ws-connect="/ws"');
    expect((await outsider.client.get(`/inbox/c/${id}`)).status).toBe(404);

    const media = await member.client.get(`/media/${file.id}`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('application/octet-stream');
    expect(media.headers.get('content-disposition')).toContain('filename=".._.._etc_pa_ss.pdf"');
    expect(await media.text()).toBe('PDFDATA');
    expect((await outsider.client.get(`/media/${file.id}`)).status).toBe(404);
    expect((await t.anonymous().get(`/media/${file.id}`)).status).toBe(303);

    // opening marks read for the agent and asks the channel to send the read receipt
    expect(t.app.core.db.select().from(conversationReads).where(eq(conversationReads.userId, member.user.id)).all()).toHaveLength(1);
    expect(t.app.core.db.select().from(jobs).where(eq(jobs.type, 'message.mark_read')).all().map((j) => j.payload)).toContainEqual({ conversationId: id });
  });

  test('sending needs CSRF; a reply is queued; a note with @mention stores a mention', async () => {
    const a = await t.signIn('agent', { name: 'Luis Pérez' });
    const b = await t.signIn('agent', { name: 'Bea Ruiz' });
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    const noCsrf = await t.request(`/inbox/c/${id}/messages`, { method: 'POST', headers: { cookie: `turno_session=${a.client.cookies.turno_session}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'content=x' });
    expect(noCsrf.status).toBe(403);
    expect((await a.client.form(`/inbox/c/${id}/messages`, { content: 'buenos días', private: 'false' })).status).toBe(200);
    expect((await a.client.form(`/inbox/c/${id}/messages`, { content: 'ojo @Bea', private: 'true' })).status).toBe(200);
    const rows = t.app.core.db.select().from(messages).where(eq(messages.conversationId, id)).all();
    expect(rows.find((m) => m.content === 'buenos días')?.status).toBe('queued');
    expect(rows.find((m) => m.content === 'ojo @Bea')?.isPrivate).toBe(true);
    expect(t.app.core.db.select().from(mentions).all().map((m) => m.userId)).toContain(b.user.id);
    await t.app.core.bus.drain();
    expect(t.eventNames()).toContain('mention.created');
  });

  test('window closed: the composer gets an inline 422 notice', async () => {
    const a = await t.signIn('agent');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    t.clock.advance(25 * 3600_000);
    const res = await a.client.form(`/inbox/c/${id}/messages`, { content: 'tarde', private: 'false' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('La ventana de 24 horas está cerrada');
  });

  test('status, priority, labels and unread actions publish events', async () => {
    const a = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'resolved' })).status).toBe(204);
    expect((await a.client.form(`/inbox/c/${id}/priority`, { priority: 'urgent' })).status).toBe(204);
    expect((await a.client.form(`/inbox/c/${id}/labels`, { name: 'VIP' })).status).toBe(204);
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'snoozed' })).status).toBe(422);
    expect((await a.client.form(`/inbox/c/${id}/unread`, {})).status).toBe(204);
    await t.app.core.bus.drain();
    const updates = t.events.filter((e) => e.name === 'conversation.updated' && e.payload.conversation.id === id);
    expect(updates.map((e) => e.payload.changes[0])).toEqual(['status', 'priority', 'labels']);
    const list = await (await a.client.get('/inbox?view=all&status=resolved')).text();
    expect(list).toContain(`conv-${id}`);
    expect(list).toContain('VIP');
  });
});
