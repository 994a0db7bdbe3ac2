/**
 * UI slots: named places in pages where plugins contribute markup (e.g. the `contact-sidebar`
 * panel). A renderer that throws is logged once per call and skipped; the page still renders.
 */
import { html, type SafeHtml } from '../lib/html';

export type SlotName = 'contact-sidebar' | 'conversation-actions' | 'settings';
export type SlotRenderer = (ctx: Record<string, unknown>) => SafeHtml;

const slots = new Map<SlotName, Array<{ id: string; render: SlotRenderer }>>();

/** Registers a renderer for a slot; returns a function that unregisters it. */
export function registerSlot(name: SlotName, render: SlotRenderer, id = `slot-${Math.random().toString(36).slice(2)}`): () => void {
  const list = slots.get(name) ?? [];
  list.push({ id, render });
  slots.set(name, list);
  return () => slots.set(name, (slots.get(name) ?? []).filter((s) => s.id !== id));
}

/** Renders every contribution to a slot, each wrapped in `<div data-plugin-slot-item>`. */
export function renderSlot(name: SlotName, ctx: Record<string, unknown>): SafeHtml {
  return html`${(slots.get(name) ?? []).map((s) => {
    try {
      return html`<div data-plugin-slot-item="${s.id}">${s.render(ctx)}</div>`;
    } catch (error) {
      console.error(`slot ${name} renderer ${s.id} failed`, error);
      return html``;
    }
  })}`;
}
