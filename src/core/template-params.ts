/**
 * Fits a template send to the channel's stored copy of that template (synced from the provider),
 * before it is queued, so that what Meta would reject is refused here with a message an agent can
 * act on: the number of body and header values, the header the template needs (a file, a
 * location, or text), and the values its buttons need (a dynamic URL's suffix, a coupon code).
 * For templates with named variables (`{{first_name}}`) it records the names in the stored
 * payload, so the channel sends each value with its `parameter_name`.
 */
import { and, eq } from 'drizzle-orm';
import { messageTemplates } from '../db/schema';
import type { Core } from './context';
import { fail } from './errors';
import { templateButtons, templateVariables } from './template-picker';

export interface TemplateSendInput {
  name: string;
  language: string;
  body: string[];
  header?: { type: string; params?: string[] } & Record<string, unknown>;
  buttons?: Array<{ subType: string; index: number } & Record<string, unknown>>;
}

/** The send input plus the variable names of a named-variable template (absent for `{{1}}` ones). */
export type FittedTemplate<T extends TemplateSendInput> = T & { bodyNames?: string[]; headerNames?: string[] };

type Component = { type?: string; format?: string; text?: string };

const named = (vars: string[]) => vars.length > 0 && vars.some((v) => !/^\d+$/.test(v));

/**
 * Checks `input` against the stored template and returns it with the variable names of a named
 * template. An unknown template is returned unchanged (the channel's send guard refuses it).
 * Throws 422 (field `template`) when a value the template needs is missing or extra.
 */
export function fitTemplateToStored<T extends TemplateSendInput>(core: Core, channelId: string, input: T): FittedTemplate<T> {
  const row = core.db.select({ components: messageTemplates.components }).from(messageTemplates).where(and(
    eq(messageTemplates.channelId, channelId), eq(messageTemplates.name, input.name), eq(messageTemplates.language, input.language),
  )).get();
  if (!row) return input;
  const components = (Array.isArray(row.components) ? row.components : []) as Component[];
  const find = (type: string) => components.find((c) => c?.type?.toUpperCase() === type);
  const refuse = (message: string) => fail.unprocessable(message, { field: 'template' });
  const bodyVars = templateVariables(find('BODY')?.text ?? '');
  if (input.body.length !== bodyVars.length) {
    throw refuse(`The template ${input.name} takes ${bodyVars.length} body values; ${input.body.length} given`);
  }
  const header = find('HEADER');
  const format = (header?.format ?? 'TEXT').toUpperCase();
  const headerVars = header && format === 'TEXT' ? templateVariables(header.text ?? '') : [];
  if (header && (format !== 'TEXT' || headerVars.length > 0)) {
    const wanted = format === 'TEXT' ? 'text' : format.toLowerCase();
    if (input.header?.type !== wanted) throw refuse(`The template ${input.name} needs a ${format} header`);
    if (wanted === 'text' && (input.header.params ?? []).length !== headerVars.length) {
      throw refuse(`The template ${input.name} takes ${headerVars.length} header values; ${(input.header.params ?? []).length} given`);
    }
  } else if (input.header) {
    throw refuse(`The template ${input.name} has no header to fill`);
  }
  for (const button of templateButtons(components)) {
    if (!button.needs) continue;
    if (!(input.buttons ?? []).some((b) => b.index === button.index && b.subType === button.needs)) {
      throw refuse(`The template ${input.name} needs a value for its button ${button.index + 1} (${button.text || button.type})`);
    }
  }
  const fitted: FittedTemplate<T> = { ...input };
  if (named(bodyVars)) fitted.bodyNames = bodyVars;
  if (named(headerVars)) fitted.headerNames = headerVars;
  return fitted;
}
