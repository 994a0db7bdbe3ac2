/** Turns validation and domain errors into per-field messages for server-rendered forms. */
import { ZodError } from 'zod';
import { DomainError } from '../core/errors';

export interface FormFailure {
  /** Field name → first message for that field. */
  errors: Record<string, string>;
  /** A message that belongs to no single field. */
  message: string | null;
  status: number;
}

/** The inline-error form of a ZodError or DomainError; null for anything else (let it propagate). */
export function formFailure(error: unknown): FormFailure | null {
  if (error instanceof ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { errors, message: null, status: 422 };
  }
  if (error instanceof DomainError && ['conflict', 'unprocessable', 'bad_request'].includes(error.code)) {
    const field = typeof error.details.field === 'string' ? error.details.field : null;
    return { errors: field ? { [field]: error.message } : {}, message: field ? null : error.message, status: error.code === 'conflict' ? 409 : 422 };
  }
  return null;
}

/** String fields of a urlencoded form body, without the CSRF token and the given secret fields. */
export function formStrings(body: unknown, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf' && !omit.includes(k)) out[k] = v;
  }
  return out;
}

/** A repeated form field (checkboxes) as a list, whether the parser gave a string or an array. */
export function formList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
