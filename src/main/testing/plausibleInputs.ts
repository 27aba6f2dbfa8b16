import fc from 'fast-check';
import type { z } from 'zod';
import { defineOwn, HOSTILE_KEYS, hostilePayload, hostileValue, shapeOf } from './fuzzPayloads';

/**
 * Plausible (schema-valid) inputs for every contract method, the people schemas included, and
 * hostile payloads built on them. fuzzPayloads' own `plausibleValue` knows only the leaves of the
 * registry and account schemas; this one also fills calendar days (birth date, last exposure),
 * mainland mobile numbers and resident IDs, so that "valid but for one extra key" is really tried
 * for arrivals.register and the rest.
 */

/** Zod 4 keeps a schema's structure in `_zod.def`; only what is read here is typed. */
interface SchemaDef {
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

const defOf = (schema: z.ZodType): SchemaDef =>
  (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/**
 * Leaf values tried in order; the first the schema accepts is taken. fuzzPayloads' candidates
 * first (so the older methods get the same values as before), then a day, a mobile number and a
 * resident ID.
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

/** Whether a schema is an object that refuses keys it does not declare. */
const isStrictObject = (schema: z.ZodType): boolean => {
  const def = defOf(schema);
  return (
    def.type === 'object' && def.catchall !== undefined && defOf(def.catchall).type === 'never'
  );
};

/** Paths (property names and array indexes) to every strict object inside a plausible value. */
function strictObjectPaths(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null) return [];
      const here = isStrictObject(schema) ? [path] : [];
      return [
        ...here,
        ...Object.entries(def.shape ?? {}).flatMap(([key, field]) =>
          Object.hasOwn(value, key)
            ? strictObjectPaths(field, (value as Record<string, unknown>)[key], [...path, key])
            : [],
        ),
      ];
    }
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((v, i) => strictObjectPaths(def.element!, v, [...path, i]))
        : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType ? strictObjectPaths(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? strictObjectPaths(def.in, value, path) : [];
    default:
      return [];
  }
}

/** A deep copy of a JSON-like value (the plausible inputs are plain data). */
const copy = <T>(value: T): T => structuredClone(value);

/**
 * Payloads that are valid but for unknown keys: one guaranteed `x-fuzz-…` key plus a few hostile
 * ones, put into the top-level object or any strict object nested in it (a person of
 * arrivals.register, a line of allocation.confirm). Every one is invalid: strict objects refuse
 * the key.
 */
export function validButForUnknownKeys(schema: z.ZodType): fc.Arbitrary<unknown> | null {
  const base = plausibleInput(schema);
  if (!schema.safeParse(base).success) return null;
  const paths = strictObjectPaths(schema, base);
  if (paths.length === 0) return null;
  const topShape = shapeOf(schema);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      key: fc.string({ maxLength: 12 }).map((s) => `x-fuzz-${s}`),
      value: hostileValue,
      more: fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileValue), { maxLength: 3 }),
    })
    .map(({ path, key, value, more }) => {
      const out = copy(base) as Record<string, unknown>;
      let target: Record<string, unknown> = out;
      for (const step of path)
        target = (target as Record<string | number, unknown>)[step] as Record<string, unknown>;
      for (const [k, v] of more) {
        // Hostile names the schema declares would only replace a valid value: leave those be.
        if (path.length === 0 && Object.hasOwn(topShape, k)) continue;
        if (Object.hasOwn(target, k)) continue;
        defineOwn(target, k, v);
      }
      defineOwn(target, key, value);
      return out as unknown;
    });
}

/** fuzzPayloads' hostile payloads, and (one in five) valid-but-for-unknown-keys ones. */
export function hostileInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const extra = validButForUnknownKeys(schema);
  const base = hostilePayload(schema);
  return extra ? fc.oneof({ arbitrary: base, weight: 4 }, { arbitrary: extra, weight: 1 }) : base;
}
