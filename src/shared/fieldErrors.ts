import type { z } from 'zod';
import type { FieldErrors } from './errors';

/** The contract's own field codes (`range_order`, `room_number` …), as opposed to zod's sentences. */
const OWN_CODE = /^[a-z][a-z_]*$/;

/**
 * The field code of one zod issue: the contract's own code where it set one as the message
 * (refinements, regexes), otherwise zod's issue code (`too_small`, `invalid_type` …). Main's
 * refusals and the renderer's form checks both name problems by it, so both read the same words.
 */
export const fieldCodeOf = (issue: { code: string; message?: string | undefined }): string =>
  issue.message !== undefined && OWN_CODE.test(issue.message) ? issue.message : issue.code;

/** Zod issues as `{ path: code }`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  // No prototype: a hostile `__proto__` key must be recorded like any other, not swallowed.
  const fields: FieldErrors = Object.create(null) as FieldErrors;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unrecognized_key';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = fieldCodeOf(issue);
  }
  return fields;
}
