/**
 * Plugin settings: the form fields described by the plugin's zod schema (through its JSON Schema),
 * which of them are secrets, and sealing secrets before they are stored (the same key encrypts
 * channel secrets).
 */
import { z } from 'zod';
import { decryptSecret, encryptSecret } from '../lib/crypto';

export interface SettingField {
  name: string;
  kind: 'text' | 'number' | 'checkbox' | 'select' | 'url' | 'email';
  required: boolean;
  secret: boolean;
  options: string[];
  description: string | null;
  defaultValue: unknown;
}

const SECRET_NAME = /key|secret|token|password/i;
const SEALED = '$sealed';

interface JsonProperty {
  type?: string;
  format?: string;
  enum?: unknown[];
  description?: string;
  default?: unknown;
  secret?: boolean;
}

/** The form fields of a settings schema (object schemas only; other shapes get no form). */
export function settingFields(schema: z.ZodType | undefined): SettingField[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProperty>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    kind: p.enum ? 'select' : p.type === 'boolean' ? 'checkbox' : p.type === 'number' || p.type === 'integer' ? 'number' : p.format === 'uri' ? 'url' : p.format === 'email' ? 'email' : 'text',
    required: (json.required ?? []).includes(name) && p.default === undefined,
    secret: p.secret === true || SECRET_NAME.test(name),
    options: (p.enum ?? []).map(String),
    description: p.description ?? null,
    defaultValue: p.default,
  }));
}

/**
 * Turns submitted form values into the object the schema parses: numbers and checkboxes are
 * converted, empty optional fields dropped, and an empty secret keeps the stored value.
 */
export function formToSettings(fields: SettingField[], form: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form[field.name];
    if (field.kind === 'checkbox') {
      out[field.name] = raw === 'on' || raw === 'true' || raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.secret && current[field.name] !== undefined) out[field.name] = current[field.name];
      continue;
    }
    out[field.name] = field.kind === 'number' ? Number(text) : text;
  }
  return out;
}

/** The settings as stored: secret fields sealed with `key`. */
export function sealSettings(fields: SettingField[], values: Record<string, unknown>, key: string): Record<string, unknown> {
  const secret = new Set(fields.filter((f) => f.secret).map((f) => f.name));
  return Object.fromEntries(Object.entries(values).map(([name, value]) =>
    [name, secret.has(name) && typeof value === 'string' ? { [SEALED]: encryptSecret(key, value) } : value]));
}

/** The stored settings with secrets opened again. */
export function openSettings(stored: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(stored).map(([name, value]) => {
    const sealed = value && typeof value === 'object' ? (value as Record<string, unknown>)[SEALED] : undefined;
    return [name, typeof sealed === 'string' ? decryptSecret(key, sealed) : value];
  }));
}
