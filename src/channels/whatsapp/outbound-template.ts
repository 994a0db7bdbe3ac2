/** Template message builder (approved templates: the only thing sendable outside the 24-h window). */
import { checkText, envelope, OutboundValidationError, type OutboundBody, type SendOptions } from './outbound-common';

/** A text parameter; `name` produces a named parameter (`parameter_name`) for named-variable templates. */
export type TextParam = string | { text: string; name?: string };

export type TemplateHeader =
  | { type: 'text'; params: TextParam[] }
  | { type: 'image' | 'video' | 'document'; id?: string; link?: string; filename?: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string };

export type TemplateButton =
  | { subType: 'quick_reply'; index: number; payload: string }
  | { subType: 'url'; index: number; text: string }
  | { subType: 'copy_code'; index: number; couponCode: string };

export interface TemplateInput extends SendOptions {
  name: string;
  /** Language code exactly as approved, e.g. `en_US`, `es`, `pt_BR`. */
  language: string;
  header?: TemplateHeader;
  body?: TextParam[];
  buttons?: TemplateButton[];
}

function textParam(field: string, p: TextParam): Record<string, unknown> {
  const text = typeof p === 'string' ? p : p?.text;
  checkText(field, text, 32768);
  if (/\n|\t| {5,}/.test(text)) throw new OutboundValidationError(field, 'template parameters cannot contain new lines, tabs or more than 4 spaces in a row');
  return typeof p === 'object' && p.name ? { type: 'text', parameter_name: p.name, text } : { type: 'text', text };
}

function headerComponent(h: TemplateHeader): Record<string, unknown> {
  if (h.type === 'text') return { type: 'header', parameters: h.params.map((p, i) => textParam(`header.params[${i}]`, p)) };
  if (h.type === 'location') {
    const loc: Record<string, unknown> = { latitude: h.latitude, longitude: h.longitude };
    if (h.name) loc.name = h.name;
    if (h.address) loc.address = h.address;
    return { type: 'header', parameters: [{ type: 'location', location: loc }] };
  }
  if (!h.id && !h.link) throw new OutboundValidationError('header', `${h.type} header needs a media id or link`);
  const media: Record<string, unknown> = h.id ? { id: h.id } : { link: h.link };
  if (h.type === 'document' && h.filename) media.filename = h.filename;
  return { type: 'header', parameters: [{ type: h.type, [h.type]: media }] };
}

function buttonComponent(b: TemplateButton, i: number): Record<string, unknown> {
  if (!Number.isInteger(b.index) || b.index < 0 || b.index > 9) throw new OutboundValidationError(`buttons[${i}].index`, 'must be 0–9');
  const base = { type: 'button', sub_type: b.subType, index: String(b.index) };
  switch (b.subType) {
    case 'quick_reply':
      checkText(`buttons[${i}].payload`, b.payload, 256);
      return { ...base, parameters: [{ type: 'payload', payload: b.payload }] };
    case 'url':
      checkText(`buttons[${i}].text`, b.text, 2000);
      return { ...base, parameters: [{ type: 'text', text: b.text }] };
    case 'copy_code':
      checkText(`buttons[${i}].couponCode`, b.couponCode, 15);
      return { ...base, parameters: [{ type: 'coupon_code', coupon_code: b.couponCode }] };
    default:
      throw new OutboundValidationError(`buttons[${i}].subType`, `unknown sub_type "${(b as { subType: string }).subType}"`);
  }
}

/**
 * Template message: `{name, language:{code}, components}`; components are emitted only when they
 * carry parameters (header media/text, body params, button params), in header → body → buttons order.
 */
export function buildTemplate(to: string, input: TemplateInput): OutboundBody {
  checkText('template.name', input.name, 512);
  if (!/^[a-z0-9_]+$/.test(input.name)) throw new OutboundValidationError('template.name', 'must be lowercase letters, digits and underscores');
  checkText('template.language', input.language, 15);
  const components: Record<string, unknown>[] = [];
  if (input.header) components.push(headerComponent(input.header));
  if (input.body?.length) components.push({ type: 'body', parameters: input.body.map((p, i) => textParam(`body[${i}]`, p)) });
  (input.buttons ?? []).forEach((b, i) => components.push(buttonComponent(b, i)));
  const template: Record<string, unknown> = { name: input.name, language: { code: input.language } };
  if (components.length) template.components = components;
  return envelope(to, 'template', template, input);
}
