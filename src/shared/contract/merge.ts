type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/**
 * Joins the per-prefix method files into one contract. An object spread would let a method declared
 * in two files silently take the later file's definition (and permission), so a duplicate throws,
 * naming both files.
 */
export function mergeMethodFiles<Files extends Record<string, Record<string, unknown>>>(
  files: Files,
): UnionToIntersection<Files[keyof Files]> {
  const merged: Record<string, unknown> = {};
  const declaredIn = new Map<string, string>();
  for (const [file, methods] of Object.entries(files)) {
    for (const [name, def] of Object.entries(methods)) {
      const earlier = declaredIn.get(name);
      if (earlier !== undefined) {
        throw new Error(
          `Method ${name} is declared in both contract/${earlier} and contract/${file}`,
        );
      }
      declaredIn.set(name, file);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<Files[keyof Files]>;
}
