/**
 * One channel: status and actions (test connection, sync templates, enable/disable), the problems
 * WhatsApp reported for it, the setup
 * values to paste into Meta, the settings form, team visibility and the synced templates.
 */
import { html, type SafeHtml } from '../../src/lib/html';
import type { ConnectionTest } from '../../src/channels/channel-actions';
import type { Team } from '../../src/core/types';
import { adminNav } from '../admin-nav';
import type { FormState } from '../auth';
import { csrfField, notice } from '../components/form';
import type { PageContext } from '../context';
import { layout } from '../layout';
import { channelsHead, statusBadge, type PublicChannel } from './common';
import { channelFields, channelFormValues } from './form';
import { channelHealth } from './health';
import { templatesSection, type TemplateRow } from './templates';

export const WEBHOOK_FIELDS = ['messages', 'message_template_status_update'];

export interface ChannelDetail {
  channel: PublicChannel;
  webhookUrl: string;
  /** The verify token in full: only right after creation or after an audited reveal. */
  verifyToken?: string | null;
  teams: Team[];
  teamIds: string[];
  templates: TemplateRow[];
  form?: FormState;
  flash?: { kind: 'success' | 'error' | 'info'; text: string } | null;
  test?: ConnectionTest | null;
  /** The control panel of a simulator channel (views/channels/simulator-panel.ts). */
  simulator?: SafeHtml | null;
}

function testResult(ctx: PageContext, test: ConnectionTest | null | undefined): SafeHtml {
  if (!test) return html``;
  if (test.ok) return html`<div id="test-result">${notice('success', ctx.t('channels.test_ok', { description: test.description }))}</div>`;
  return html`<div id="test-result">${notice('error', ctx.t('channels.test_failed', { explanation: test.explanation }))}
    ${test.action === 'reauthorize' ? html`<p>${ctx.t('channels.test_reauth')}</p>` : ''}</div>`;
}

function actions(ctx: PageContext, d: ChannelDetail): SafeHtml {
  const base = `/admin/channels/${d.channel.id}`;
  const disabled = d.channel.status === 'disabled';
  return html`<div class="channel-actions">
    <form method="post" action="${base}/test">${csrfField(ctx.csrfToken)}<button type="submit">${ctx.t('channels.test')}</button></form>
    <form method="post" action="${base}/sync">${csrfField(ctx.csrfToken)}<button type="submit" ${disabled ? html`disabled` : ''}>${ctx.t('channels.sync')}</button></form>
    <form method="post" action="${base}/status">${csrfField(ctx.csrfToken)}
      <input type="hidden" name="status" value="${disabled ? 'active' : 'disabled'}">
      <button type="submit" class="${disabled ? '' : 'danger'}">${disabled ? ctx.t('channels.enable') : ctx.t('channels.disable')}</button></form>
  </div>
  <p class="muted">${ctx.t('channels.disable_hint')}</p>`;
}

function setupBlock(ctx: PageContext, d: ChannelDetail): SafeHtml {
  const token = d.verifyToken
    ? html`<code id="verify-token">${d.verifyToken}</code>`
    : html`<span><code id="verify-token">${d.channel.secrets.verifyToken}</code>
        <form method="post" action="/admin/channels/${d.channel.id}/reveal" class="inline">${csrfField(ctx.csrfToken)}
          <button type="submit" class="small">${ctx.t('channels.reveal')}</button></form></span>`;
  return html`<section class="card" id="setup">
    <h2>${ctx.t('channels.setup')}</h2>
    <p>${ctx.t('channels.setup_intro')}</p>
    <div class="setup-values">
      <span>${ctx.t('channels.setup_callback')}</span><code id="webhook-url">${d.webhookUrl}</code>
      <span>${ctx.t('channels.setup_verify')}</span>${token}
    </div>
    <p>${ctx.t('channels.setup_fields')} ${WEBHOOK_FIELDS.map((f, i) => html`${i ? ', ' : ''}<code>${f}</code>`)}</p>
    <p class="muted">${ctx.t('channels.setup_https')}</p>
  </section>`;
}

function teamsForm(ctx: PageContext, d: ChannelDetail): SafeHtml {
  return html`<section class="card" id="teams">
    <h2>${ctx.t('channels.teams')}</h2>
    <p class="muted">${ctx.t('channels.teams_hint')}</p>
    ${d.teams.length === 0 ? html`<p class="muted">${ctx.t('channels.teams_none')}</p>` : html`
    <form method="post" action="/admin/channels/${d.channel.id}/teams" class="stack checks">${csrfField(ctx.csrfToken)}
      ${d.teams.map((t) => html`<label><input type="checkbox" name="teamIds" value="${t.id}" ${d.teamIds.includes(t.id) ? html`checked` : ''}> ${t.name}</label>`)}
      <button type="submit">${ctx.t('channels.teams_save')}</button>
    </form>`}
  </section>`;
}

/** The channel page. */
export function channelDetailPage(ctx: PageContext, d: ChannelDetail) {
  const form = d.form ?? {};
  const values = { ...channelFormValues(d.channel), ...form.values };
  return layout(ctx, d.channel.name, html`${adminNav(ctx)}
  <section class="card">
    <p><a href="/admin/channels">← ${ctx.t('channels.cancel')}</a></p>
    <h1>${d.channel.name} ${statusBadge(ctx, d.channel)}</h1>
    ${d.flash ? notice(d.flash.kind, d.flash.text) : ''}
    ${actions(ctx, d)}
    ${testResult(ctx, d.test)}
  </section>
  ${channelHealth(ctx, d.channel)}
  ${d.simulator ?? ''}
  ${setupBlock(ctx, d)}
  <section class="card" id="settings">
    <h2>${ctx.t('channels.edit_title')}</h2>
    ${notice('error', form.message)}
    <form method="post" action="/admin/channels/${d.channel.id}" class="stack grid-2" autocomplete="off">
      ${csrfField(ctx.csrfToken)}
      ${channelFields(ctx, { ...form, values }, d.channel.secrets)}
      <div><button type="submit" class="primary">${ctx.t('channels.save')}</button></div>
    </form>
  </section>
  ${teamsForm(ctx, d)}
  <section class="card" id="templates">${templatesSection(ctx, d.templates)}</section>`, { head: channelsHead });
}
