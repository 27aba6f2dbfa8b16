import type { z } from 'zod';

/**
 * Schema-valid sample values derived from a zod schema alone, so a new contract method gets
 * plausible inputs without anyone writing them. Shared by the fuzz payloads and the audit tests.
 */

/** Zod 4 keeps a schema's structure in `_zod.def`; only what is read here is typed. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  catchall?: z.ZodType;
}

export const defOf = (schema: z.ZodType): SchemaDef =>
  (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/**
 * Leaf values tried in order; the first the schema accepts is taken. the simple ones first, then a day, a mobile number, a resident ID, a time of day, minutes, a temperature in tenths, a file name, an
 * office address and a port.
 */
export const LEAF_CANDIDATES: readonly unknown[] = [
  'abc12345',
  '2026-11-29T08:00:00Z',
  1,
  false,
  0,
  null,
  '2026-11-29',
  '13812345678',
  '11010519491231002X',
  '08:00',
  30,
  373,
  'report.pdf',
  'desk-2026-11-29T08-00-00-000Z-manual.sqlite',
  // An office LAN address and a port above 1024 (host mode).
  '192.168.1.20',
  8443,
  // A session id: the SHA-256 of a token, hex.
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
];

/** A value the schema accepts, derived from the schema alone, or undefined when none fits. */
export function plausibleInput(schema: z.ZodType): unknown {
  const def = defOf(schema);
  const accepts = (value: unknown) => schema.safeParse(value).success;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const value = plausibleInput(field);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array':
      // A non-empty array where the element can be made: the element's own schema is exercised.
      if (def.element) {
        const element = plausibleInput(def.element);
        if (element !== undefined && accepts([element])) return [element];
      }
      return accepts([]) ? [] : undefined;
    case 'union':
      return (def.options ?? []).map(plausibleInput).find(accepts);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType ? plausibleInput(def.innerType) : undefined;
    case 'pipe':
      return def.in ? plausibleInput(def.in) : undefined;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    default:
      return LEAF_CANDIDATES.find(accepts);
  }
}
