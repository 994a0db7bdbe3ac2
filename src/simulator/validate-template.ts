/**
 * Validates a template send against the stored template the way Meta does: the body's and text
 * header's parameter counts (132000), `parameter_name` on every parameter of a NAMED template and
 * never on a positional one (100), the header parameter matching the header format (IMAGE / VIDEO /
 * DOCUMENT with an id or link, LOCATION with latitude and longitude; 132012 otherwise), text
 * parameters without new lines, tabs or more than 4 spaces (132018), and button parameters for
 * the template's buttons: a dynamic URL button needs its text (an OTP button its code, as `url`), a
 * COPY_CODE button its coupon code
 * (131008 when missing), and a button component must name a button of that type (131009).
 */
import type { SendProblem } from './validate-send';
import type { SimTemplate } from './state';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);
const bad = (details: string, code = 100): SendProblem => ({ code, details });

/** Variable names of `{{…}}` placeholders, in order, without repeats. */
function variables(text: unknown): string[] {
  return [...new Set([...String(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];
}

const isNamed = (t: SimTemplate, vars: string[]) => t.parameter_format === 'NAMED' || vars.some((v) => !/^\d+$/.test(v));

/** Checks one component's text parameters against the variables of its text in the template. */
function checkTextParams(where: string, template: SimTemplate, vars: string[], params: Obj[]): SendProblem | null {
  if (params.length !== vars.length) return bad(`${where}: number of localizable_params (${params.length}) does not match the expected number of params (${vars.length})`, 132000);
  const named = isNamed(template, vars);
  for (const p of params) {
    if (p.type !== 'text' || typeof p.text !== 'string') return bad(`${where}: parameter of type ${String(p.type)} where the template has text`, 132012);
    if (/[\n\t]| {5,}/.test(p.text)) return bad(`${where}: Param text cannot have new-line/tab characters or more than 4 consecutive spaces`, 132018);
    if (named && typeof p.parameter_name !== 'string') return bad(`${where}: parameter_name is required for each parameter of a template with named parameters`);
    if (!named && p.parameter_name !== undefined) return bad(`${where}: parameter_name is only valid for templates with named parameters`);
    if (named && !vars.includes(p.parameter_name as string)) return bad(`${where}: parameter name ${String(p.parameter_name)} does not exist in the template`, 132000);
  }
  return null;
}

function checkHeader(template: SimTemplate, header: Obj | undefined, given: Obj | undefined): SendProblem | null {
  const params = list(given?.parameters);
  if (!header) return given ? bad('header: the template has no header', 132000) : null;
  const format = String(header.format ?? 'TEXT').toUpperCase();
  if (format === 'TEXT') return checkTextParams('header', template, variables(header.text), params);
  const kind = format.toLowerCase();
  if (params.length !== 1) return bad(`header: the template's ${format} header needs one parameter (${params.length} given)`, 132000);
  const p = params[0]!;
  if (p.type !== kind) return bad(`header: Format mismatch, expected ${format}, received ${String(p.type).toUpperCase()}`, 132012);
  const value = o(p[kind]);
  if (kind === 'location') {
    if (typeof value.latitude !== 'number' || typeof value.longitude !== 'number') return bad('header: location needs latitude and longitude', 131008);
    if (Math.abs(value.latitude) > 90 || Math.abs(value.longitude) > 180) return bad('header: location latitude/longitude out of range', 131009);
    return null;
  }
  if (typeof value.id !== 'string' && typeof value.link !== 'string') return bad(`header: ${kind} needs an id or a link`, 131008);
  return null;
}

/** Button types of the template each `sub_type` may fill (an authentication OTP button takes its code as `url`). */
const SUB_TYPES: Record<string, string[]> = { quick_reply: ['QUICK_REPLY'], url: ['URL', 'OTP'], copy_code: ['COPY_CODE'] };

function checkButtons(template: SimTemplate, given: Obj[]): SendProblem | null {
  const buttons = list(template.components.find((c) => c.type === 'BUTTONS')?.buttons);
  for (const g of given) {
    const index = Number(g.index);
    const button = buttons[index];
    const subType = String(g.sub_type);
    if (!button || !(SUB_TYPES[subType] ?? []).includes(String(button.type))) return bad(`button at index ${String(g.index)}: the template has no ${subType} button there`, 131009);
    const p = list(g.parameters)[0];
    if (subType === 'url' && (p?.type !== 'text' || typeof p.text !== 'string' || !p.text)) return bad(`button at index ${index}: the URL suffix parameter is required`, 131008);
    if (subType === 'copy_code') {
      if (p?.type !== 'coupon_code' || typeof p.coupon_code !== 'string' || !p.coupon_code) return bad(`button at index ${index}: coupon_code is required`, 131008);
      if ([...p.coupon_code].length > 15) return bad(`button at index ${index}: coupon_code is longer than 15 characters`, 131009);
    }
    if (subType === 'quick_reply' && (p?.type !== 'payload' || typeof p.payload !== 'string')) return bad(`button at index ${index}: payload is required`, 131008);
  }
  for (const [index, button] of buttons.entries()) {
    const needs = (button.type === 'URL' && variables(button.url).length > 0) || button.type === 'OTP' ? 'url' : button.type === 'COPY_CODE' ? 'copy_code' : null;
    if (needs && !given.some((g) => Number(g.index) === index && g.sub_type === needs)) {
      return bad(`button at index ${index}: the template's ${String(button.type)} button needs a parameter`, 131008);
    }
  }
  return null;
}

/** The problem Meta would report for `components` sent for `template`, or null when accepted. */
export function checkTemplateComponents(template: SimTemplate, components: Obj[]): SendProblem | null {
  const find = (type: string) => template.components.find((c) => c.type === type);
  const part = (type: string) => components.filter((c) => c.type === type);
  if (part('header').length > 1 || part('body').length > 1) return bad('at most one header and one body component', 131009);
  const bodyProblem = checkTextParams('body', template, variables(find('BODY')?.text), list(part('body')[0]?.parameters));
  return bodyProblem ?? checkHeader(template, find('HEADER'), part('header')[0]) ?? checkButtons(template, part('button'));
}
