/**
 * Turns validation and domain errors into messages for server-rendered forms, in the user's
 * language (core's English messages are translated with `localizeMessage`, zod issues from their
 * codes with `localizeIssue`). API JSON errors stay
 * English and do not come through here.
 */
import { ZodError } from 'zod';
import { DomainError } from '../core/errors';
import { storageFailureReason } from '../db/storage-health';
import { localizeIssue, localizeMessage, type Translate } from '../../views/i18n';

export interface FormFailure {
  /** Field name → first message for that field. */
  errors: Record<string, string>;
  /** A message that belongs to no single field. */
  message: string | null;
  status: number;
}

/**
 * The inline-error form of a ZodError or DomainError, translated with `t`; null for anything else
 * (let it propagate). Field names are the first path segment, or the whole dotted path with
 * `fullPaths` (nested editors that show errors per row).
 */
export function formFailure(error: unknown, t: Translate, { fullPaths = false } = {}): FormFailure | null {
  if (error instanceof ZodError) {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = (fullPaths ? issue.path.join('.') : String(issue.path[0] ?? '')) || 'form';
      errors[field] ??= localizeIssue(t, issue);
    }
    return { errors, message: null, status: 422 };
  }
  if (error instanceof DomainError && ['conflict', 'unprocessable', 'bad_request'].includes(error.code)) {
    const field = typeof error.details.field === 'string' ? error.details.field : null;
    const message = localizeMessage(t, error.message);
    return { errors: field ? { [field]: message } : {}, message: field ? null : message, status: error.code === 'conflict' ? 409 : 422 };
  }
  return null;
}

/**
 * One translated line for an expected failure of a form post: a DomainError's message (any code),
 * the first zod issue, or "nothing was saved" when storage refused the write. Rethrows anything else.
 */
export function formFailureText(error: unknown, t: Translate): string {
  if (error instanceof DomainError) return localizeMessage(t, error.message);
  if (error instanceof ZodError) return error.issues[0] ? localizeIssue(t, error.issues[0]) : t('issue.invalid');
  if (storageFailureReason(error)) return t('error.storage');
  throw error;
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
