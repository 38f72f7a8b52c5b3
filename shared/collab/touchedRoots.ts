import * as Y from 'yjs';

/**
 * The top-level shared types (by name) an update would change, found from the update's own
 * structs and the doc's store without applying it, so the server can check a role's
 * permissions on every keystroke cheaply. Returns null when some part cannot be placed (it
 * depends on something the doc has not seen yet); the caller then decides conservatively.
 */
type AnyId = { client: number; clock: number };

export function touchedRoots(doc: Y.Doc, update: Uint8Array): Set<string> | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const own = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) own.set(`${s.id.client}:${s.id.clock}`, s);
  const roots = new Set<string>();
  const placed = new Map<Y.Item, string | null>();

  const rootOfType = (type: Y.AbstractType<unknown>): string | null => {
    let t = type;
    while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
    try {
      return Y.findRootTypeKey(t);
    } catch {
      return null;
    }
  };

  /** The item (in this update or the doc) that contains the struct at `id`. */
  const lookUp = (id: AnyId): Y.Item | null => {
    for (const [key, item] of own) {
      const [c, k] = key.split(':').map(Number);
      if (c === id.client && id.clock >= k! && id.clock < k! + item.length) return item;
    }
    try {
      const item = Y.getItem(doc.store, Y.createID(id.client, id.clock));
      return item instanceof Y.Item ? item : null;
    } catch {
      return null;
    }
  };

  const rootOfItem = (item: Y.Item, depth = 0): string | null => {
    if (placed.has(item)) return placed.get(item)!;
    if (depth > 10_000) return null;
    let result: string | null = null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') result = parent;
    else if (parent instanceof Y.AbstractType) result = rootOfType(parent);
    else if (parent && typeof parent === 'object' && 'client' in parent) {
      const container = lookUp(parent as AnyId);
      result = container ? rootOfItem(container, depth + 1) : null;
    } else {
      // Parent left out: it is the parent of the item this one was inserted next to.
      const neighbour = item.origin ?? item.rightOrigin;
      const other = neighbour ? lookUp(neighbour) : null;
      result = other && other !== item ? rootOfItem(other, depth + 1) : null;
    }
    placed.set(item, result);
    return result;
  };

  let unplaced = false;
  for (const item of own.values()) {
    const root = rootOfItem(item);
    if (root === null) unplaced = true;
    else roots.add(root);
  }
  for (const [client, deletes] of ds.clients) {
    for (const d of deletes) {
      let clock = d.clock;
      while (clock < d.clock + d.len) {
        let struct: Y.Item | Y.GC | null = null;
        try {
          struct = Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
        } catch {
          // Beyond what the doc holds: deleting what never arrived changes nothing.
        }
        if (!struct) break;
        // Deleting what is already collected (a client's full delete set on reconnect) changes nothing either.
        if (struct instanceof Y.Item && !struct.deleted) {
          const root = rootOfItem(struct);
          if (root === null) unplaced = true;
          else roots.add(root);
        }
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return unplaced ? null : roots;
}
