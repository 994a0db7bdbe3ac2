/**
 * UI slots of one app: named places in pages where plugins contribute markup (the contact
 * sidebar, the conversation header, the composer, the settings page) or navigation entries. Each
 * contribution remembers its owner; a renderer that throws is reported to `onError` and skipped,
 * and the page still renders.
 */
import { html, SafeHtml } from '../lib/html';
import type { NavEntry, SlotContext, SlotName } from './types';

type Renderer = (ctx: SlotContext) => SafeHtml | string;

export class SlotRegistry {
  private renderers: Array<{ owner: string; name: Exclude<SlotName, 'nav'>; render: Renderer }> = [];
  private nav: Array<{ owner: string; entry: NavEntry }> = [];

  constructor(
    private onError: (owner: string, slot: SlotName, error: unknown) => void,
    /** The owner's translation of `key` (its own messages first), so `ctx.t` speaks the plugin's strings. */
    private translate: (owner: string, key: string, locale: SlotContext['locale'], vars?: Record<string, string | number>) => string,
  ) {}

  /** Adds a renderer to a slot for `owner`. */
  add(owner: string, name: Exclude<SlotName, 'nav'>, render: Renderer): void {
    this.renderers.push({ owner, name, render });
  }

  /** Adds a navigation entry for `owner`. */
  addNav(owner: string, entry: NavEntry): void {
    this.nav.push({ owner, entry });
  }

  /** Removes everything `owner` contributed. */
  removeOwner(owner: string): void {
    this.renderers = this.renderers.filter((r) => r.owner !== owner);
    this.nav = this.nav.filter((n) => n.owner !== owner);
  }

  /** Renders every contribution to `name`, each in `<div data-plugin-slot-item="<owner>">` (plain strings are escaped). */
  render(name: Exclude<SlotName, 'nav'>, ctx: SlotContext, owner?: string): SafeHtml {
    return html`${this.renderers.filter((r) => r.name === name && (!owner || r.owner === owner)).map((r) => {
      try {
        const out = r.render({ ...ctx, t: (key, vars) => this.translate(r.owner, key, ctx.locale, vars) });
        return html`<div class="plugin-slot" data-plugin-slot-item="${r.owner}">${out instanceof SafeHtml ? out : String(out)}</div>`;
      } catch (error) {
        this.onError(r.owner, name, error);
        return html``;
      }
    })}`;
  }

  /** Navigation entries as absolute paths, with their owner. */
  navEntries(): Array<NavEntry & { owner: string; href: string }> {
    return this.nav.map(({ owner, entry }) => ({ ...entry, owner, href: `/plugins/${owner}${entry.path.startsWith('/') ? entry.path : `/${entry.path}`}` }));
  }
}
