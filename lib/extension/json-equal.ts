/**
 * Whether two values would be stored alike: storage keeps neither the order of keys nor properties set to `undefined`.
 * Used to tell a storage change that only echoes what the item itself wrote from one made by anyone else; a `false`
 * for values that are in fact alike only costs a re-read, so anything unusual compares unequal.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => jsonEqual(value, b[i]));
  }
  const left = definedKeys(a);
  const right = b as Record<string, unknown>;
  return (
    left.length === definedKeys(b).length &&
    left.every((key) => Object.hasOwn(right, key) && jsonEqual((a as Record<string, unknown>)[key], right[key]))
  );
}

function definedKeys(value: object): string[] {
  return Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [key]));
}
