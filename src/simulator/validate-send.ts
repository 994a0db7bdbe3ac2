/**
 * Validates an outbound `/messages` body roughly like Meta does, returning the Graph error code
 * and details to answer with, or null when the body would be accepted.
 */
import type { SimTemplate } from './state';
import { checkTemplateComponents } from './validate-template';

export interface SendProblem {
  code: number;
  details: string;
}

const TYPES = new Set(['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction', 'template']);
const MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const len = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);
const bad = (details: string, code = 100): SendProblem => ({ code, details });

function checkInteractive(i: Obj): SendProblem | null {
  if (len(o(i.body).text) === 0) return bad('Parameter interactive.body.text is required', 131008);
  if (len(o(i.body).text) > 1024) return bad('interactive.body.text too long', 131009);
  const action = o(i.action);
  if (i.type === 'button') {
    const buttons = Array.isArray(action.buttons) ? action.buttons : [];
    if (buttons.length < 1 || buttons.length > 3) return bad('Parameter value is not valid: buttons must be 1-3', 131009);
    for (const b of buttons) if (len(o(o(b).reply).title) < 1 || len(o(o(b).reply).title) > 20) return bad('Button title length invalid', 131009);
    return null;
  }
  if (i.type === 'list') {
    const sections = Array.isArray(action.sections) ? action.sections : [];
    const rows = sections.flatMap((s) => (Array.isArray(o(s).rows) ? (o(s).rows as unknown[]) : []));
    if (len(action.button) < 1 || len(action.button) > 20) return bad('Parameter value is not valid: action.button', 131009);
    if (sections.length < 1 || sections.length > 10 || rows.length < 1 || rows.length > 10) return bad('Parameter value is not valid: sections/rows count', 131009);
    for (const r of rows) if (len(o(r).title) > 24 || len(o(r).description) > 72) return bad('Row title/description too long', 131009);
    return null;
  }
  if (['cta_url', 'product', 'product_list', 'flow', 'location_request_message'].includes(String(i.type))) return null;
  return bad(`Unsupported interactive type ${String(i.type)}`);
}

function checkTemplate(t: Obj, templates: SimTemplate[]): SendProblem | null {
  const name = t.name;
  const code = o(t.language).code;
  if (typeof name !== 'string' || !name) return bad('Parameter template.name is required', 131008);
  if (typeof code !== 'string' || !code) return bad('Parameter template.language.code is required', 131008);
  const found = templates.find((x) => x.name === name && x.language === code && x.status === 'APPROVED');
  if (!found) return bad(`template name (${name}) does not exist in ${code}`, 132001);
  return checkTemplateComponents(found, Array.isArray(t.components) ? t.components.map(o) : []);
}

/** Null when accepted; otherwise the problem Meta would report. */
export function validateSendBody(body: Obj, templates: SimTemplate[]): SendProblem | null {
  if (body.messaging_product !== 'whatsapp') return bad('The parameter messaging_product is required.');
  if (body.status === 'read') return typeof body.message_id === 'string' && body.message_id ? null : bad('The parameter message_id is required.');
  if (typeof body.to !== 'string' || !body.to) return bad('The parameter to is required.');
  const type = typeof body.type === 'string' ? body.type : 'text';
  if (!TYPES.has(type)) return bad(`Unsupported message type ${type}`, 131051);
  const content = body[type];
  if (!content || typeof content !== 'object') return bad(`Parameter ${type} is required`, 131008);
  const c = o(content);
  if (body.context !== undefined && typeof o(body.context).message_id !== 'string') return bad('context.message_id is required');
  if (type === 'text') {
    if (len(c.body) === 0) return bad('Parameter text.body is required', 131008);
    if (len(c.body) > 4096) return bad('text.body is too long (max 4096)');
  }
  if (MEDIA.has(type)) {
    if (!c.id && !c.link) return bad(`Parameter ${type}.id or ${type}.link is required`, 131008);
    if ((type === 'audio' || type === 'sticker') && c.caption !== undefined) return bad(`Param ${type}.caption is not allowed`);
  }
  if (type === 'reaction' && typeof c.message_id !== 'string') return bad('Parameter reaction.message_id is required', 131008);
  if (type === 'interactive') return checkInteractive(c);
  if (type === 'template') return checkTemplate(c, templates);
  return null;
}

