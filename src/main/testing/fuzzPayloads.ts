import fc from 'fast-check';
import { z } from 'zod';
import { plausibleInput } from './schemaSamples';

/**
 * Hostile IPC payloads for fuzzing the router. Every payload an arbitrary here produces is
 * INVALID for the schema it was made for (all contract inputs are strict objects): object payloads
 * always carry at least one key no schema declares, and nothing else is a plain object. So a fuzz
 * run can never make a valid write, whatever the caller is allowed to do.
 */

/** 100 000 characters, a few of them the kind that trip naive parsers. */
export const HUGE_STRING = `${'x'.repeat(50_000)}\n\t\0'"<>%${'界'.repeat(49_990)}`;

/** 100 000 elements: big enough to hurt anything quadratic. */
export const HUGE_ARRAY: readonly number[] = Array.from({ length: 100_000 }, (_, i) => i);

/** 10 000 elements, for field values (every element is a separate validation issue). */
export const LONG_ARRAY: readonly string[] = Array.from({ length: 10_000 }, (_, i) => `v${i}`);

/** `{ a: { a: … { leaf: true } } }`, built iteratively so building it cannot overflow the stack. */
export function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** `[[[ … ]]]`, iteratively. */
export function deeplyNestedArray(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

export const DEEP_OBJECT = deeplyNested(1000);
export const DEEP_ARRAY = deeplyNestedArray(1000);

/** Attempts at prototype pollution, as a JSON body or a structured clone would deliver them. */
export const PROTOTYPE_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"__proto__":{"toString":"boom","valueOf":"boom","hasOwnProperty":"boom"}}',
  '{"toString":"boom","valueOf":1,"hasOwnProperty":null}',
] as const;

/** Own-property keys that mean something to JavaScript or to a careless handler. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '',
  ' ',
  '0',
  '-1',
  'isAdmin',
  'role',
  'actor',
  'userId',
  'session',
  'sql',
  '$where',
  'id ',
  ' id',
  'ID',
  'Id',
  'name\u0000',
  '\u202eevil',
  'k'.repeat(1000),
] as const;

/** Sets an own, enumerable property, even one named `__proto__` (plain assignment would not). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The declared fields of a strict-object schema (empty for any other kind of schema). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
}

const protoObject = fc.constantFrom(...PROTOTYPE_JSON).map((json) => JSON.parse(json) as unknown);

/** Values of every awkward kind, for fields and nested positions. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom<unknown>(
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      -1,
      1.5,
      2 ** 31,
      Number.MAX_SAFE_INTEGER + 2,
      Number.MIN_VALUE,
      '',
      ' ',
      '1',
      'true',
      'null',
      '\u0000',
      'a\nb',
      '<script>alert(1)</script>',
      "'; DROP TABLE rooms; --",
      '../../../../etc/passwd',
      '%s%n%x',
      '\u202e',
      // Text that lies about itself: bidi overrides and isolates, zero-width, ESC, a line separator.
      '张\u202e三',
      'A\u2066B\u2069',
      '13812\u200b345678',
      '\u200d',
      '\u001b[31m',
      'a\u2028b',
      '𝕏🏥',
      '\ud800',
      null,
      undefined,
      true,
      false,
      [],
      {},
      [null],
      new Date(0),
    ),
    weight: 6,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 64 }), weight: 3 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: protoObject, weight: 2 },
  {
    arbitrary: fc.anything({
      maxDepth: 2,
      maxKeys: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom<unknown>(HUGE_STRING, LONG_ARRAY, DEEP_OBJECT, DEEP_ARRAY),
    weight: 1,
  },
);

/** Payloads that are not objects at all: each one fails a strict-object schema outright. */
export const nonObjectPayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constant(HUGE_STRING),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, true, false, null, undefined),
  fc.array(hostileValue, { maxLength: 8 }),
  fc.constantFrom<unknown>(HUGE_ARRAY, DEEP_ARRAY),
);

/**
 * For one method's input schema: every payload is invalid (see the file comment). Objects are
 * built fresh on each run; the big constants are shared (zod never mutates its input).
 */
export function hostilePayload(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  const fields = Object.keys(shape);
  const plausible = plausibleInput(schema);
  const base: Record<string, unknown> =
    typeof plausible === 'object' && plausible !== null && !Array.isArray(plausible)
      ? (plausible as Record<string, unknown>)
      : {};

  // A key no schema can declare (contract keys are identifiers; this has hyphens).
  const unknownKey = fc.string({ maxLength: 12 }).map((s) => `x-fuzz-${s}`);
  const hostileKey = fc.constantFrom(...HOSTILE_KEYS).filter((key) => !Object.hasOwn(shape, key));
  const extras = fc.record({
    key: unknownKey,
    value: hostileValue,
    more: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 3 }),
  });

  /** A fresh object: `from`'s own keys, then the hostile extras, then the guaranteed unknown key. */
  const build = (
    from: object,
    x: { key: string; value: unknown; more: [string, unknown][] },
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(from))
      defineOwn(out, key, (from as Record<string, unknown>)[key]);
    for (const [key, value] of x.more) defineOwn(out, key, value);
    defineOwn(out, x.key, x.value);
    return out;
  };

  const kinds: fc.Arbitrary<unknown>[] = [
    nonObjectPayload,
    // Otherwise plausible (valid, even) input with unknown keys merged in.
    extras.map((x) => build(base, x)),
    // Prototype keys at the top level, on top of a plausible input.
    fc.tuple(protoObject, extras).map(([proto, x]) => {
      const out = build(base, x);
      for (const [key, value] of Object.entries(proto as object)) defineOwn(out, key, value);
      return out;
    }),
    // Depth 1000 as the whole input.
    extras.map((x) => build(DEEP_OBJECT, x)),
  ];
  if (fields.length > 0) {
    // One known field of the wrong type (whatever its schema refuses), plus an unknown key.
    const wrongField = fc.constantFrom(...fields).chain((field) =>
      fc.tuple(
        fc.constant(field),
        hostileValue.filter((value) => !shape[field]!.safeParse(value).success),
      ),
    );
    kinds.push(
      fc.tuple(wrongField, extras).map(([[field, value], x]) => {
        const out = build(base, x);
        defineOwn(out, field, value);
        return out;
      }),
    );
    // Huge arrays and huge strings in every field at once.
    kinds.push(
      fc
        .tuple(fc.constantFrom<unknown>(LONG_ARRAY, HUGE_STRING, DEEP_OBJECT), extras)
        .map(([big, x]) => {
          const out = build(base, x);
          for (const field of fields) defineOwn(out, field, big);
          return out;
        }),
    );
  }
  return fc.oneof(...kinds);
}

/** Method names the router must not know: near misses, prototype names and random strings. */
export function unknownMethodName(known: readonly string[]): fc.Arbitrary<unknown> {
  const isKnown = (name: unknown) => typeof name === 'string' && known.includes(name);
  const nearMiss = fc
    .constantFrom(...known)
    .chain((name) =>
      fc.constantFrom(
        `${name} `,
        ` ${name}`,
        `${name}\u0000`,
        `${name}\n`,
        name.toUpperCase(),
        name.charAt(0).toUpperCase() + name.slice(1),
        name.replace('.', '/'),
        name.replace('.', ''),
        `${name}.`,
        `${name}.call`,
        `__proto__.${name}`,
      ),
    );
  return fc
    .oneof(
      fc.constantFrom<unknown>(
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isPrototypeOf',
        'propertyIsEnumerable',
        'toLocaleString',
        '__defineGetter__',
        '__lookupSetter__',
        'prototype',
        '',
        ' ',
        '.',
        'x'.repeat(100_000),
      ),
      nearMiss,
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.anything({ maxDepth: 1 }),
    )
    .filter((name) => !isKnown(name));
}
