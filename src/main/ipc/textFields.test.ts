import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/contract';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';
import { defOf, plausibleInput } from '../testing/schemaSamples';

/** Secrets are taken as typed: a password or a backup's key is compared, never shown. */
const SECRET_KEYS = new Set(['password', 'current', 'next', 'secret', 'passphrase']);
/** Fields that keep line breaks and tabs (and nothing else invisible). */
const MULTILINE_KEYS = new Set(['notes']);

interface TextLeaf {
  path: string;
  key: string;
  schema: z.ZodType;
}

/** Every string schema inside `schema`, with where it is. */
function textLeaves(schema: z.ZodType, path: string, key: string, out: TextLeaf[]): TextLeaf[] {
  const def = defOf(schema);
  const walk = (inner: z.ZodType | undefined, p = path, k = key) =>
    inner && textLeaves(inner, p, k, out);
  switch (def.type) {
    case 'string':
      out.push({ path, key, schema });
      break;
    case 'object':
      for (const [k, field] of Object.entries(def.shape ?? {})) walk(field, `${path}.${k}`, k);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'union':
      for (const option of def.options ?? []) walk(option);
      break;
    case 'record':
      walk((def as unknown as { valueType?: z.ZodType }).valueType, `${path}{}`);
      break;
    case 'pipe':
      walk(def.in);
      break;
    default:
      walk(def.innerType);
  }
  return out;
}

const leaves = Object.entries(contract).flatMap(([method, def]) =>
  textLeaves(def.input, method, '', []),
);

/** Characters the one text rule refuses, with the field code it gives. */
const HOSTILE: [string, string, boolean][] = [
  ['\u202e', 'bidi_chars', true],
  ['\u2066', 'bidi_chars', true],
  ['\u200f', 'bidi_chars', true],
  ['\u200b', 'zero_width_chars', true],
  ['\u200d', 'zero_width_chars', true],
  ['\u2060', 'zero_width_chars', true],
  ['\u0000', 'control_chars', true],
  ['\u001b', 'control_chars', true],
  ['\u007f', 'control_chars', true],
  ['\n', 'single_line', false],
  ['\t', 'single_line', false],
  ['\u2028', 'single_line', false],
];

describe('text fields of the contract', () => {
  it('finds the text fields (a walk that found none would prove nothing)', () => {
    expect(leaves.length).toBeGreaterThan(60);
    expect(leaves.map((l) => l.path)).toContain('arrivals.register.people[].fullName');
    expect(leaves.map((l) => l.path)).toContain('stock.receive.party.name');
  });

  it('no text field escapes the rule: controls, bidi and zero-width characters are refused', () => {
    const escaped: string[] = [];
    for (const leaf of leaves) {
      if (SECRET_KEYS.has(leaf.key)) continue;
      const valid = plausibleInput(leaf.schema);
      expect(typeof valid, leaf.path).toBe('string');
      const text = valid as string;
      for (const [ch, , always] of HOSTILE) {
        if (!always && MULTILINE_KEYS.has(leaf.key)) continue;
        // Replacing a character inside keeps the length: a refusal is the character's doing.
        const probe = text.slice(0, 1) + ch + text.slice(2);
        if (leaf.schema.safeParse(probe).success)
          escaped.push(`${leaf.path} ${JSON.stringify(ch)}`);
      }
    }
    expect(escaped).toEqual([]);
  });

  it('says which character is wrong, and lets notes keep their lines', () => {
    const name = contract['sites.create'].input;
    for (const [ch, code] of HOSTILE) {
      const result = name.safeParse({ name: `站${ch}点` });
      expect(result.success, JSON.stringify(ch)).toBe(false);
      expect(result.error?.issues[0]?.message, JSON.stringify(ch)).toBe(code);
    }
    const room = contract['rooms.create'].input;
    const plausible = plausibleInput(room) as Record<string, unknown>;
    expect(room.safeParse({ ...plausible, notes: '第一行\n第二行\t备注' }).success).toBe(true);
    expect(room.safeParse({ ...plausible, notes: '第一行\u202e' }).success).toBe(false);
    // Ordinary text of every kind is untouched: CJK, emoji, Latin with accents, a dash.
    for (const text of ['张三', '李四 🏥', 'José Müller', 'A-201 东侧']) {
      expect(name.safeParse({ name: text }).success, text).toBe(true);
    }
  });

  it('explains each refusal in both languages', () => {
    for (const [, code] of HOSTILE) {
      for (const messages of [en, zhCN]) {
        expect(typeof (messages.fieldErrors as Record<string, unknown>)[code], code).toBe('string');
      }
    }
  });
});
