/** What a request body may hold before it is parsed at all. */
export interface JsonLimits {
  /** Raw size in bytes. Room for an imported file (5 MB, base64) and nothing much larger. */
  bytes: number;
  /** Nesting of objects and arrays; the contract's deepest input is a handful of levels. */
  depth: number;
  /** Object keys plus array elements; registering 500 people is some 13,000. */
  members: number;
}

export const JSON_LIMITS: JsonLimits = {
  bytes: 8 * 1024 * 1024,
  depth: 64,
  members: 100_000,
};

export type JsonShape = { ok: true } | { ok: false; status: 400 | 413; reason: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * One linear pass over the text, outside strings: the nesting depth, and the object keys (colons)
 * plus the array elements (commas inside arrays). JSON.parse of 400,000 keys or 100,000 levels
 * holds the server for about a second; this refuses them in milliseconds. It does not validate
 * JSON (parse does, after).
 */
export function checkJsonShape(text: string, limits: JsonLimits = JSON_LIMITS): JsonShape {
  // Which open containers are arrays, innermost last; never longer than limits.depth.
  const inArray: boolean[] = [];
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (inArray.length === limits.depth) {
        return { ok: false, status: 400, reason: `Nested deeper than ${limits.depth} levels` };
      }
      inArray.push(c === OPEN_BRACKET);
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) inArray.pop();
    else if (c === COLON || (c === COMMA && inArray[inArray.length - 1] === true)) {
      if (++members > limits.members) {
        return { ok: false, status: 413, reason: `More than ${limits.members} keys or items` };
      }
    }
  }
  return { ok: true };
}
