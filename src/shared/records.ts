// Pure helpers for plain objects, with no imports: the one module of src/shared/ that src/circleci/
// may use (src/test/conventions/layers.test.ts lists who may import whom).

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ [key]: value }`, or nothing for undefined: spread it to set an optional field (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
