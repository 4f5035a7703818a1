import { z } from 'zod';
import type { MessageKey } from '~/i18n';
import { stripUnsafeChars } from './safe-text';

/**
 * What a form field or a URL parameter accepts: one home for the length of every text a person
 * types, for stripping the characters no text may carry, and for ids.
 */
export const MAX_EMAIL_LENGTH = 254;
/** Long enough for any passphrase; a password is hashed as typed (nothing stripped). */
export const MAX_PASSWORD_LENGTH = 256;
/** A person's or an owner's name. */
export const MAX_NAME_LENGTH = 200;
/** A plan title. */
export const MAX_TITLE_LENGTH = 300;
/** An activity title, a reason, a link. */
export const MAX_LINE_LENGTH = 2000;
/** A comment, a target, a note. */
export const MAX_TEXT_LENGTH = 4000;

/**
 * A text a person typed: control and bidi-override characters stripped (app/domain/safe-text.ts),
 * trimmed, at most `max` characters; `required` is the message when it is empty.
 */
export function typedText(max: number, messages: { required?: string; tooLong?: string } = {}) {
  const text = z.string().trim().max(max, messages.tooLong ?? 'fieldTooLong');
  return z
    .string(messages.required ? { message: messages.required } : undefined)
    .transform(stripUnsafeChars)
    .pipe(messages.required ? text.min(1, messages.required) : text);
}

/** A name of an uploaded file as it is kept and shown: unsafe characters stripped, at most 200 characters. */
export function uploadedFileName(name: string): string {
  return stripUnsafeChars(name).trim().slice(0, MAX_NAME_LENGTH);
}

/** A database id in a URL or a form: decimal digits only (no "0x10", "1e3", " 16" or "+16"), 1 to 2^31. */
export const idSchema = z
  .string({ message: 'idInvalid' })
  .regex(/^[1-9]\d{0,9}$/, 'idInvalid')
  .transform(Number)
  .refine((n) => n <= 2 ** 31, 'idInvalid');

/** An id from a URL parameter or a form field, or null when it is not one. */
export function parseId(value: unknown): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A form's errors by field: the message of each field's first issue (an issue of the whole form under 'form'). */
export function fieldErrors(error: z.ZodError): Partial<Record<string, MessageKey>> {
  const errors: Partial<Record<string, MessageKey>> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message as MessageKey;
  return errors;
}
