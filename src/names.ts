/**
 * Records keyed by names from the user's source (states, params, inputs, sizes). A name such as
 * `constructor`, `toString` or `__proto__` is an ordinary name in the language, but on a plain
 * JavaScript object it finds (or replaces) what Object.prototype has. Records made here have no
 * prototype, and `own` reads only a record's own keys, so any name is just a key.
 */

/** An empty record without a prototype, or one holding `entries`. */
export function byName<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** A record's value under `key` if the record itself has that key (never Object.prototype's). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && record !== null && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

/** The records' entries in one record without a prototype, later ones over earlier ones. */
export function mergeByName<T>(...records: readonly (Readonly<Record<string, T>> | undefined)[]): Record<string, T> {
  return byName(records.flatMap((r) => Object.entries(r ?? {})));
}
