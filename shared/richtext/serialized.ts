import { z } from 'zod';

/**
 * The JSON shape of a Lexical editor state as stored in a pack (editorState.toJSON()).
 * Kept structural here so shared/ needs no DOM: every node has a string `type`, element
 * nodes have `children`, text nodes have `text`. Nesting is capped so hostile files
 * cannot exhaust the stack of the exporter or the word counter.
 */
export const MAX_NODE_DEPTH = 100;

export interface SerializedNodeJson {
  type: string;
  children?: SerializedNodeJson[];
  text?: string;
  [key: string]: unknown;
}

export interface SerializedEditorStateJson {
  root: SerializedNodeJson & { type: 'root'; children: SerializedNodeJson[] };
}

const stateShape = z.object({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }),
});

/**
 * The first structural problem in a node tree, or null. One iterative walk checks depth and
 * every node (`type` a non-empty string, `children` an array, `text` a string). Written as a
 * plain loop inside the zod schema below because a recursive zod schema copies every node
 * (a 55,000-word pack took 170 ms) and recursion could overflow the stack on hostile input.
 */
export function findNodeProblem(root: unknown): { message: string; path: (string | number)[] } | null {
  // Each entry links to its parent instead of carrying its own path array: a 55,000-word pack
  // has tens of thousands of nodes, and the path is only needed for the one node reported.
  interface Entry {
    node: unknown;
    depth: number;
    parent: Entry | null;
    index: number;
  }
  const pathTo = (entry: Entry, ...tail: string[]): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let e: Entry | null = entry; e?.parent; e = e.parent) path.unshift('children', e.index);
    return [...path, ...tail];
  };
  const stack: Entry[] = [{ node: root, depth: 1, parent: null, index: 0 }];
  while (stack.length) {
    const entry = stack.pop()!;
    const { node, depth } = entry;
    if (depth > MAX_NODE_DEPTH) return { message: `content is nested more than ${MAX_NODE_DEPTH} levels deep`, path: [] };
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return { message: 'content node is malformed (expected an object)', path: pathTo(entry) };
    const { type, children, text } = node as Record<string, unknown>;
    if (typeof type !== 'string' || type === '') return { message: `content node is malformed (its "type" must be a non-empty string)`, path: pathTo(entry, 'type') };
    if (text !== undefined && typeof text !== 'string') return { message: 'content node is malformed (its "text" must be a string)', path: pathTo(entry, 'text') };
    if (children === undefined) continue;
    if (!Array.isArray(children)) return { message: 'content node is malformed (its "children" must be a list)', path: pathTo(entry, 'children') };
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1, parent: entry, index: i });
  }
  return null;
}

/**
 * Validates a stored editor state and passes the ORIGINAL object through (z.unknown plus
 * checks), so key order inside Lexical's JSON is kept and a pack saves byte for byte as read.
 */
export const serializedEditorStateSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const shape = stateShape.safeParse(value);
    if (!shape.success) {
      for (const issue of shape.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
      return;
    }
    const problem = findNodeProblem(shape.data.root);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: ['root', ...problem.path] });
  })
  .transform((value) => value as SerializedEditorStateJson);
