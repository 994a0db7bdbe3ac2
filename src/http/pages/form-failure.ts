/** Turns an expected failure of a form post (validation, domain rule) into a message to show. */
import { ZodError } from 'zod';
import { DomainError } from '../../core/errors';

/** The message of a DomainError or the first zod issue; rethrows anything else. */
export function formFailure(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof ZodError) return error.issues[0]?.message ?? 'Invalid input';
  throw error;
}
