import fc from 'fast-check';
import type { z } from 'zod';
import { defineOwn, HOSTILE_KEYS, hostilePayload, hostileValue, shapeOf } from './fuzzPayloads';
import { defOf, plausibleInput } from './schemaSamples';

export { LEAF_CANDIDATES, plausibleInput } from './schemaSamples';

/**
 * Plausible (schema-valid) inputs for every contract method, the people schemas included, and
 * hostile payloads built on them (the sample values come from schemaSamples.ts), so that "valid
 * but for one extra key" is really tried for arrivals.register and the rest.
 */

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
