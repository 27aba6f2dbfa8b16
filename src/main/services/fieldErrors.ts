import type { z } from 'zod';
import type { FieldErrors } from '../../shared/errors';

/** The contract's own field codes (`range_order`, `room_number` …), as opposed to zod's sentences. */
const OWN_CODE = /^[a-z][a-z_]*$/;

/**
 * Zod issues as `{ path: code }`. Where the contract set its own code as the message (refinements,
 * regexes) that code is kept; otherwise zod's issue code (`too_small`, `invalid_type` …).
 */
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
    fields[path] = OWN_CODE.test(issue.message) ? issue.message : issue.code;
  }
  return fields;
}
