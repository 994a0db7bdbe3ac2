/** Pieces shared by the channel admin views: the stylesheet link and status badges. */
import { html, type SafeHtml } from '../../src/lib/html';
import type { publicChannel } from '../../src/core/channels';
import type { PageContext } from '../context';

/** A channel as the views receive it (secrets masked). */
export type PublicChannel = ReturnType<typeof publicChannel>;

/** Extra <head> tags of every channel admin page. */
export const channelsHead: SafeHtml = html`<link rel="stylesheet" href="/static/channels.css">`;

/** The coloured status badge of a channel, with the reason when there is one. */
export function statusBadge(ctx: PageContext, channel: Pick<PublicChannel, 'status' | 'statusReason'>): SafeHtml {
  return html`<span class="badge badge-${channel.status}" data-status="${channel.status}">${ctx.t(`channels.status.${channel.status}`)}</span>
    ${channel.statusReason ? html`<small class="muted status-reason">${ctx.t('channels.status_reason', { reason: channel.statusReason })}</small>` : ''}`;
}

/** True for the channel created by "try with the simulator". */
export function isSimulatorChannel(channel: Pick<PublicChannel, 'config'>): boolean {
  return (channel.config as { simulator?: unknown }).simulator !== undefined;
}
