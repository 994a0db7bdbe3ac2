/**
 * The simulator channel's control panel (on its channel page): a customer writes (a known simulated
 * customer or a new one, typed text or a sample), scripted traffic at a chosen rate, and failed
 * deliveries of the next replies on demand.
 */
import { CUSTOMERS } from '../../src/simulator/customers';
import { PANEL_FAILURES, PANEL_KINDS } from '../../src/simulator/controls';
import { html, type SafeHtml } from '../../src/lib/html';
import { csrfField } from '../components/form';
import type { PageContext } from '../context';

/** The panel for a running simulator; `rate` is the traffic's messages per minute, or null when stopped. */
export function simulatorPanel(ctx: PageContext, channelId: string, rate: number | null): SafeHtml {
  const t = ctx.t;
  const base = `/admin/channels/${channelId}/simulator`;
  return html`<section class="card" id="simulator-panel"><h2>${t('sim.title')}</h2><p class="muted">${t('sim.intro')}</p>
    <form method="post" action="${base}/inbound" class="stack grid-2" id="sim-inbound">${csrfField(ctx.csrfToken)}
      <label>${t('sim.customer')} <select name="customer">${CUSTOMERS.map((c, i) => html`<option value="${i}">${c.name} (+${c.waId})</option>`)}
        <option value="new">${t('sim.customer_new')}</option></select></label>
      <label>${t('sim.kind')} <select name="kind">${PANEL_KINDS.map((k) => html`<option value="${k}">${t(`sim.kind.${k}`)}</option>`)}</select></label>
      <label>${t('sim.new_name')} <input name="name" maxlength="60" placeholder="${t('sim.new_name_hint')}"></label>
      <label>${t('sim.new_phone')} <input name="phone" inputmode="tel" maxlength="20" placeholder="5491155550000"></label>
      <label>${t('sim.text')} <textarea name="text" rows="2" maxlength="1000" placeholder="${t('sim.text_hint')}"></textarea></label>
      <div><button type="submit" class="primary">${t('sim.send')}</button></div>
    </form>
    <h3>${t('sim.traffic')}</h3>
    <form method="post" action="${base}/traffic" class="inline" id="sim-traffic">${csrfField(ctx.csrfToken)}
      <label>${t('sim.rate')} <input name="perMinute" type="number" min="1" max="120" value="${rate ?? 6}" style="width:6em"></label>
      <button type="submit" name="on" value="true">${rate ? t('sim.traffic_change') : t('sim.traffic_start')}</button>
      ${rate ? html`<button type="submit" name="on" value="false" class="danger">${t('sim.traffic_stop')}</button>` : ''}
      <span class="muted" data-traffic="${rate ?? 0}">${rate ? t('sim.traffic_on', { count: rate }) : t('sim.traffic_off')}</span>
    </form>
    <h3>${t('sim.failures')}</h3>
    <form method="post" action="${base}/fail" class="inline" id="sim-fail">${csrfField(ctx.csrfToken)}
      <label>${t('sim.fail_next')} <input name="times" type="number" min="1" max="50" value="1" style="width:5em"></label>
      <select name="code" aria-label="${t('sim.fail_reason')}">${PANEL_FAILURES.map((c) => html`<option value="${c}">${t(`sim.fail.${c}`)}</option>`)}</select>
      <button type="submit">${t('sim.fail_apply')}</button>
    </form>
  </section>`;
}
