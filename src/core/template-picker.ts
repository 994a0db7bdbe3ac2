/**
 * What the composer's template picker needs from the APPROVED templates of a channel: body text
 * and its variables (`{{1}}`, `{{2}}`… or named `{{order_id}}`), the header format (TEXT with an
 * optional variable, IMAGE/VIDEO/DOCUMENT needing a file, or LOCATION), footer and buttons (with the
 * value a dynamic URL or copy-code button needs), parsed from the stored
 * provider components. Only approved templates can be sent outside the 24-hour window.
 */
import { and, asc, eq } from 'drizzle-orm';
import { messageTemplates } from '../db/schema';
import type { Core } from './context';

export interface TemplateOption {
  name: string;
  language: string;
  category: string;
  body: string;
  /** Body variable names in order of first appearance ("1", "2" or named). */
  bodyVars: string[];
  header: { format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION'; text: string; vars: string[] } | null;
  footer: string;
  /** The template's buttons; `needs` says which value a send must carry for it (null: none). */
  buttons: TemplateButtonInfo[];
}

export interface TemplateButtonInfo {
  index: number;
  /** QUICK_REPLY, URL, COPY_CODE, PHONE_NUMBER, OTP… as Meta names them. */
  type: string;
  text: string;
  /** `url`: a dynamic URL's suffix (or an OTP code); `copy_code`: the coupon code. */
  needs: 'url' | 'copy_code' | null;
}

type Component = { type?: string; format?: string; text?: string; buttons?: Array<{ type?: string; text?: string; url?: string }> };

/** The buttons of a template's BUTTONS component, with the value each one needs when sent. */
export function templateButtons(components: Component[]): TemplateButtonInfo[] {
  const buttons = components.find((c) => c?.type?.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  return buttons.map((b, index) => {
    const type = String(b?.type ?? '').toUpperCase();
    const needs = (type === 'URL' && templateVariables(b.url ?? '').length > 0) || type === 'OTP' ? 'url' : type === 'COPY_CODE' ? 'copy_code' : null;
    return { index, type, text: b?.text ?? '', needs };
  });
}

/** Variable names in `{{…}}` placeholders, in order, without repeats. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1]!))];
}

/** The approved templates of a channel, parsed for the picker, by name and language. */
export function templateOptions(core: Core, channelId: string): TemplateOption[] {
  const rows = core.db.select().from(messageTemplates)
    .where(and(eq(messageTemplates.channelId, channelId), eq(messageTemplates.status, 'APPROVED')))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();
  return rows.map((row) => {
    const components = (Array.isArray(row.components) ? row.components : []) as Component[];
    const find = (type: string) => components.find((c) => c?.type?.toUpperCase() === type);
    const body = find('BODY')?.text ?? '';
    const header = find('HEADER');
    const format = (header?.format ?? 'TEXT').toUpperCase() as NonNullable<TemplateOption['header']>['format'];
    return {
      name: row.name, language: row.language, category: row.category, body, bodyVars: templateVariables(body),
      header: header ? { format, text: header.text ?? '', vars: format === 'TEXT' ? templateVariables(header.text ?? '') : [] } : null,
      footer: find('FOOTER')?.text ?? '',
      buttons: templateButtons(components),
    };
  });
}
