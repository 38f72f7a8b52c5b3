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

const nodeSchema: z.ZodType<SerializedNodeJson> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    children: z.array(nodeSchema).optional(),
    text: z.string().optional(),
  }),
);

const stateShape = z.object({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }),
});

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
    // Check depth before the recursive schema so a deeply nested file fails fast and safely.
    if (maxDepth(shape.data.root, MAX_NODE_DEPTH + 1) > MAX_NODE_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `content is nested more than ${MAX_NODE_DEPTH} levels deep` });
      return;
    }
    const nodes = z.array(nodeSchema).safeParse(shape.data.root.children);
    if (!nodes.success) {
      const first = nodes.error.issues[0];
      ctx.addIssue({ code: 'custom', message: `content node is malformed (${first?.message ?? 'unknown'})`, path: ['root', 'children', ...((first?.path ?? []) as (string | number)[])] });
    }
  })
  .transform((value) => value as SerializedEditorStateJson);

/** Iterative depth measurement: never recurses, so it is safe on any input. */
export function maxDepth(node: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[node, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest >= stopAt) return deepest;
    const children = (current as { children?: unknown })?.children;
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function emptyEditorState(): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] },
      ],
    },
  };
}

/** A paragraph-per-line editor state, for starter content and generated packs. */
export function editorStateFromParagraphs(paragraphs: string[]): SerializedEditorStateJson {
  const state = emptyEditorState();
  state.root.children = paragraphs.map((text) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
  }));
  return state;
}
