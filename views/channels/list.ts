/** Admin → Channels: every channel with its status, and the ways to add one. */
import { html } from '../../src/lib/html';
import { adminNav } from '../admin-nav';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { channelsHead, isSimulatorChannel, statusBadge, type PublicChannel } from './common';

/** The channels list page. */
export function channelsListPage(ctx: PageContext, rows: PublicChannel[], flash: { success?: string | null; error?: string | null } = {}) {
  return layout(ctx, ctx.t('channels.title'), html`${adminNav(ctx)}
  <section class="card">
    <h1>${ctx.t('channels.title')}</h1>
    ${notice('success', flash.success)}${notice('error', flash.error)}
    ${rows.length === 0 ? html`<p class="muted">${ctx.t('channels.empty')}</p>` : html`<div class="table-wrap"><table class="table" id="channels-table">
      <thead><tr><th>${ctx.t('channels.col.name')}</th><th>${ctx.t('channels.col.status')}</th><th>${ctx.t('channels.col.phone_number_id')}</th><th></th></tr></thead>
      <tbody>${rows.map((c) => html`<tr data-channel="${c.id}">
        <td>${c.name} ${isSimulatorChannel(c) ? html`<span class="badge">${ctx.t('channels.simulator_badge')}</span>` : ''}</td>
        <td>${statusBadge(ctx, c)}</td>
        <td><code>${String((c.config as { phoneNumberId?: string }).phoneNumberId ?? '')}</code></td>
        <td><a href="/admin/channels/${c.id}">${ctx.t('channels.open')}</a></td>
      </tr>`)}</tbody></table></div>`}
    <div class="channel-actions">
      <a class="button primary" href="/admin/channels/new">${ctx.t('channels.add')}</a>
      <form method="post" action="/admin/channels/simulator">${csrfField(ctx.csrfToken)}
        <button type="submit">${ctx.t('channels.add_simulator')}</button></form>
    </div>
    <p class="muted">${ctx.t('channels.simulator_hint')}</p>
  </section>`, { head: channelsHead });
}
