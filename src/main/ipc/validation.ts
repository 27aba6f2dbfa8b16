import type { z } from 'zod';
import type { FieldErrors } from '../../shared/errors';

/**
 * Zod issues as `{ path: code }`. Custom refinements carry their code in `message`
 * (e.g. `range_order`); built-in checks use zod's issue code (`too_small`, `invalid_type` …).
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'unrecognized_key';
      continue;
    }
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    fields[path] = issue.code === 'custom' ? issue.message : issue.code;
  }
  return fields;
}
