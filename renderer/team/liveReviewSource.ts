import * as Y from 'yjs';
import type { EditorState, LexicalEditor } from 'lexical';
import type { Pack } from '../../shared/pack/schema.js';
import { packFieldsFromDoc, writePackFields } from '../../shared/collab/packDoc.js';
import type { ReviewSource } from '../pack/session/reviewPart.js';

/**
 * The pack a live team-server pack's review part works on (issue 18: comments, suggestions
 * and sign-offs sync). Records are read from the Y.Doc's maps and written back to them field
 * by field (writePackFields writes only what differs), so two people adding comments or one
 * deciding a suggestion while another replies all land. Section text is read from the live
 * editors (each bound to its root in the same doc), never written here: settling goes through
 * the editor, and so through the binding.
 */
const LOCAL_REVIEW_ORIGIN = 'briefing-review';
/** How long after a change of text the panel and counts are brought up to date. */
const TEXT_SETTLE_MS = 300;

export class LiveReviewSource implements ReviewSource {
  private fields: ReturnType<typeof packFieldsFromDoc> | null = null;
  private readonly editors = new Map<string, LexicalEditor>();
  private readonly contents = new WeakMap<EditorState, unknown>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private versionValue = 0;

  readonly store = {
    subscribe: (listener: () => void): (() => void) => {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    },
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.onUpdate);
  }

  private onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    this.fields = null;
    // A record or field changed: tell at once (the panel shows a new comment as it arrives).
    // Only text changed: after a pause, as the local pack screen does for its counts.
    // (Text types live only in the sections' roots; records and fields are maps and arrays.)
    const onlyText = [...transaction.changed.keys()].every((type) => type instanceof Y.Text || type instanceof Y.XmlElement);
    clearTimeout(this.timer);
    if (onlyText) this.timer = setTimeout(() => this.emit(), TEXT_SETTLE_MS);
    else this.emit();
  };

  private emit(): void {
    this.versionValue++;
    for (const l of [...this.listeners]) l();
  }

  /** Bumped on every change the screen should show. */
  get version(): number {
    return this.versionValue;
  }

  /** A section's live editor: its text is read from it. */
  registerEditor(sectionId: string, editor: LexicalEditor): () => void {
    this.editors.set(sectionId, editor);
    return () => {
      if (this.editors.get(sectionId) === editor) this.editors.delete(sectionId);
    };
  }

  private contentOf(sectionId: string): unknown {
    const editor = this.editors.get(sectionId);
    if (!editor) return { root: { type: 'root', version: 1, children: [], direction: null, format: '', indent: 0 } };
    const state = editor.getEditorState();
    let json = this.contents.get(state);
    if (json === undefined) {
      json = state.toJSON();
      this.contents.set(state, json);
    }
    return json;
  }

  get current(): Pack | null {
    this.fields ??= packFieldsFromDoc(this.doc);
    if (this.fields.sections.length === 0) return null;
    return { ...this.fields, sections: this.fields.sections.map((s) => ({ ...s, content: this.contentOf(s.id) })) } as Pack;
  }

  update(change: (pack: Pack) => Pack): void {
    const current = this.current;
    if (!current) return;
    writePackFields(this.doc, change(current), LOCAL_REVIEW_ORIGIN);
  }

  flushEditors(): void {
    // Nothing to hand over: the text is read from the editors as it is needed.
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }
}
