/** Interactive reply-button and list message builders, with the Cloud API limits enforced. */
import { checkText, envelope, OutboundValidationError, type OutboundBody, type SendOptions } from './outbound-common';

export const INTERACTIVE_LIMITS = {
  body: 1024,
  footer: 60,
  headerText: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  sections: 10,
  rowsTotal: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  sectionTitle: 24,
  listButton: 20,
} as const;

export type InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image' | 'video' | 'document'; id?: string; link?: string; filename?: string };

export interface InteractiveCommon extends SendOptions {
  body: string;
  header?: InteractiveHeader;
  footer?: string;
}

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

function header(h: InteractiveHeader): Record<string, unknown> {
  if (h.type === 'text') {
    checkText('header.text', h.text, INTERACTIVE_LIMITS.headerText);
    return { type: 'text', text: h.text };
  }
  if (!h.id && !h.link) throw new OutboundValidationError('header', `${h.type} header needs a media id or link`);
  const media: Record<string, unknown> = h.id ? { id: h.id } : { link: h.link };
  if (h.type === 'document' && h.filename) media.filename = h.filename;
  return { type: h.type, [h.type]: media };
}

function common(input: InteractiveCommon, type: string, action: Record<string, unknown>): Record<string, unknown> {
  checkText('body', input.body, INTERACTIVE_LIMITS.body);
  const out: Record<string, unknown> = { type };
  if (input.header) out.header = header(input.header);
  out.body = { text: input.body };
  if (input.footer) {
    checkText('footer', input.footer, INTERACTIVE_LIMITS.footer);
    out.footer = { text: input.footer };
  }
  out.action = action;
  return out;
}

function unique(field: string, values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new OutboundValidationError(field, `"${v}" is used twice; each must be unique`);
    seen.add(v);
  }
}

/** Reply buttons: 1–3 buttons, title ≤ 20, id ≤ 256, unique ids and titles; body ≤ 1024. */
export function buildButtons(to: string, input: InteractiveCommon & { buttons: ReplyButton[] }): OutboundBody {
  const L = INTERACTIVE_LIMITS;
  if (!Array.isArray(input.buttons) || input.buttons.length === 0) throw new OutboundValidationError('buttons', 'at least one button is required');
  if (input.buttons.length > L.buttons) throw new OutboundValidationError('buttons', `${input.buttons.length} buttons given; the limit is ${L.buttons}`);
  input.buttons.forEach((b, i) => {
    checkText(`buttons[${i}].title`, b.title, L.buttonTitle);
    checkText(`buttons[${i}].id`, b.id, L.buttonId);
  });
  unique('buttons.id', input.buttons.map((b) => b.id));
  unique('buttons.title', input.buttons.map((b) => b.title));
  const action = { buttons: input.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) };
  return envelope(to, 'interactive', common(input, 'button', action), input);
}

/**
 * List message: button label ≤ 20, ≤ 10 sections and ≤ 10 rows in total, row title ≤ 24,
 * description ≤ 72, row id ≤ 200 and unique; section titles (≤ 24) required with several sections.
 */
export function buildList(to: string, input: InteractiveCommon & { button: string; sections: ListSection[] }): OutboundBody {
  const L = INTERACTIVE_LIMITS;
  checkText('button', input.button, L.listButton);
  if (input.header && input.header.type !== 'text') throw new OutboundValidationError('header', 'list messages only take a text header');
  if (!Array.isArray(input.sections) || input.sections.length === 0) throw new OutboundValidationError('sections', 'at least one section is required');
  if (input.sections.length > L.sections) throw new OutboundValidationError('sections', `${input.sections.length} sections given; the limit is ${L.sections}`);
  const rows = input.sections.flatMap((s) => s.rows ?? []);
  if (rows.length === 0) throw new OutboundValidationError('sections.rows', 'at least one row is required');
  if (rows.length > L.rowsTotal) throw new OutboundValidationError('sections.rows', `${rows.length} rows given; the limit is ${L.rowsTotal} in total`);
  const sections = input.sections.map((s, si) => {
    if (input.sections.length > 1) checkText(`sections[${si}].title`, s.title, L.sectionTitle);
    else checkText(`sections[${si}].title`, s.title, L.sectionTitle, false);
    if (!s.rows?.length) throw new OutboundValidationError(`sections[${si}].rows`, 'a section needs at least one row');
    const out: Record<string, unknown> = {};
    if (s.title) out.title = s.title;
    out.rows = s.rows.map((r, ri) => {
      const f = `sections[${si}].rows[${ri}]`;
      checkText(`${f}.id`, r.id, L.rowId);
      checkText(`${f}.title`, r.title, L.rowTitle);
      checkText(`${f}.description`, r.description, L.rowDescription, false);
      return r.description ? { id: r.id, title: r.title, description: r.description } : { id: r.id, title: r.title };
    });
    return out;
  });
  unique('rows.id', rows.map((r) => r.id));
  return envelope(to, 'interactive', common(input, 'list', { button: input.button, sections }), input);
}
