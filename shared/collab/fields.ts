import * as Y from 'yjs';

/**
 * Plain JSON values kept in a Y.Map field by field, so concurrent edits of different fields
 * merge and only a real change is written (writing an equal value would still be an update
 * that travels to everyone and lands in the log).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** { meeting: { name, date } } → { "meeting.name": …, "meeting.date": … }; arrays stay whole. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, path, out);
    else out[path] = v;
  }
  return out;
}

/** The reverse of flatten. A leaf that a concurrent edit turned into an object gives way to it. */
export function unflatten(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(fields).sort()) {
    const parts = path.split('.');
    let at: Record<string, unknown> = out;
    for (const part of parts.slice(0, -1)) {
      if (!isPlainObject(at[part])) at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (!isPlainObject(at[last])) at[last] = structuredClone(fields[path]);
  }
  return out;
}

/** Make `map` hold exactly `fields`, touching only the entries that differ. */
export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (!(key in fields)) map.delete(key);
  for (const [key, value] of Object.entries(fields)) if (!map.has(key) || !sameJson(map.get(key), value)) map.set(key, structuredClone(value) as Json);
}

export function readFields(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) out[key] = value;
  return out;
}

/**
 * Records keyed by id (review threads, comments, suggestions, sign-offs): one nested Y.Map
 * per record with its top-level fields, so one person resolving a thread and another
 * editing its quote both land, and two people adding records at once never collide.
 */
export function writeRecords(map: Y.Map<Y.Map<unknown>>, records: Record<string, Record<string, unknown>>): void {
  for (const id of [...map.keys()]) if (!(id in records)) map.delete(id);
  for (const [id, record] of Object.entries(records)) {
    let entry = map.get(id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(id, entry);
    }
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== undefined) fields[k] = v;
    writeFields(entry, fields);
  }
}

export function readRecords(map: Y.Map<Y.Map<unknown>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, entry] of map.entries()) if (entry instanceof Y.Map) out[id] = readFields(entry);
  return out;
}
