import type { Pack } from '../../../shared/pack/schema.js';
import type { CommentThread, Person, Review, ReviewComment, Suggestion } from '../../../shared/review/schema.js';
import type { SuggestionKind } from '../../../shared/review/vocabulary.js';
import { settleContent, type Decide, type Decision } from '../../../shared/review/settle.js';
import { reviewMarkupOf, type SectionReviewMarkup } from '../../../shared/review/presence.js';
import type { SessionPart } from './PackSession.js';
import { Store } from './store.js';

/**
 * The review part of a pack session: comment threads, their comments and suggested changes,
 * kept as plain id-keyed records in `pack.review` (so co-editing can later put each kind in a
 * Yjs map), plus what the review screens share: suggesting mode, the "Show changes" / "Final"
 * view, the thread being worked on, and where the open section's markup is right now (the
 * editor reports it, see renderer/review/ReviewPresencePlugin.ts).
 *
 * No React and no Lexical here: an open editor registers a small handle so settling or jumping
 * to a change in the open section happens in the editor (with undo), and on the stored JSON
 * for every other section (shared/review/settle.ts).
 */
export type ReviewMode = 'editing' | 'suggesting';
export type ReviewView = 'changes' | 'final';

/** What an open section editor offers the review part. */
export interface ReviewEditorHandle {
  /** The editor itself (opaque here). */
  editor: unknown;
  /** Decide suggestions in the live editor; returns the ids decided. */
  settle(decide: Decide): string[];
  /** Put the caret on a thread's marked text or a suggestion and scroll to it; false if not there. */
  focusItem(id: string): boolean;
  /** Take a thread's marks out of the text (the thread was discarded or deleted). */
  removeMarks(threadId: string): void;
}

export interface ReviewUiState {
  mode: ReviewMode;
  view: ReviewView;
  /** The thread whose text is highlighted and whose card is open. */
  activeThread: string | null;
  /** A thread just made whose first comment is being written (discarded if left empty). */
  draftThread: string | null;
  panelOpen: boolean;
  /** The open section's markup as the editor has it now (null when no section is open). */
  live: { sectionId: string; markup: SectionReviewMarkup } | null;
  author: Person;
  /**
   * The person may only suggest (a team-server account without "edit"): suggesting stays on
   * and deciding suggestions is not offered, as the server would refuse both.
   */
  suggestOnly: boolean;
}

/**
 * What the review part needs of the pack it belongs to: a local PackSession, or a pack open
 * live on the team server (renderer/team/liveReviewSource.ts), whose records live in Y.Maps.
 */
export interface ReviewSource {
  /** The latest pack, read at the moment a record is needed. */
  readonly current: Pack | null;
  /** Change the pack; only what differs is kept (and, live, sent). */
  update(change: (pack: Pack) => Pack): void;
  /** Bring the pack up to date with every open editor. */
  flushEditors(): void;
  /** Told whenever the pack (and so its records) may have changed. */
  readonly store: { subscribe(listener: () => void): () => void };
}

const INITIAL: ReviewUiState = {
  mode: 'editing',
  view: 'changes',
  activeThread: null,
  draftThread: null,
  panelOpen: false,
  live: null,
  author: { name: '', role: '' },
  suggestOnly: false,
};

function newId(prefix: string): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}

export class ReviewPart implements SessionPart {
  readonly store = new Store<ReviewUiState>(INITIAL);
  private readonly editors = new Map<string, ReviewEditorHandle>();
  private pendingFocus: { sectionId: string; id: string } | null = null;
  /** The pack screen opens a section when a jump goes to one that is not open. */
  openSection: ((sectionId: string) => void) | null = null;

  constructor(private readonly session: ReviewSource) {}

  start(): void {}

  stop(): void {
    this.editors.clear();
  }

  get state(): ReviewUiState {
    return this.store.get();
  }

  /** The latest pack (records are read from it at the moment they are needed). */
  get pack(): Pack | null {
    return this.session.current;
  }

  /** The session's own store: the review records change with the pack. */
  get sessionStore() {
    return this.session.store;
  }

  private get review(): Review | null {
    return this.session.current?.review ?? null;
  }

  private now(): string {
    return new Date().toISOString();
  }

  private change(edit: (review: Review, pack: Pack) => Review): void {
    this.session.update((pack) => ({ ...pack, review: edit(pack.review, pack) }));
  }

  setAuthor(author: Person): void {
    this.store.set({ author });
  }

  setMode = (mode: ReviewMode): void => this.store.set({ mode: this.state.suggestOnly ? 'suggesting' : mode });

  /** Keep suggesting on, and deciding off, for a person who may only suggest. */
  setSuggestOnly(suggestOnly: boolean): void {
    this.store.set(suggestOnly ? { suggestOnly, mode: 'suggesting' } : { suggestOnly });
  }
  setView = (view: ReviewView): void => this.store.set({ view });
  setPanelOpen = (panelOpen: boolean): void => this.store.set({ panelOpen });
  setActiveThread = (activeThread: string | null): void => this.store.set({ activeThread });

  /** Whether a record was made by the person working now (only they may edit or delete it). */
  isMine(author: Person): boolean {
    const me = this.state.author;
    return author.name === me.name && author.role === me.role;
  }

  // ---- Comments ----

  /** A new thread (its first comment follows with addComment); returns its id. */
  createThread(sectionId: string, anchor: CommentThread['anchor'], quote: string, id = newId('t')): string {
    const thread: CommentThread = { id, sectionId, anchor, quote: quote.slice(0, 5_000), author: this.state.author, createdAt: this.now(), resolved: null };
    this.change((review) => ({ ...review, threads: { ...review.threads, [id]: thread } }));
    this.store.set({ activeThread: id, draftThread: id, panelOpen: true });
    return id;
  }

  addComment(threadId: string, text: string): void {
    const trimmed = text.trim();
    if (!trimmed || !this.review?.threads[threadId]) return;
    const comment: ReviewComment = { id: newId('c'), threadId, author: this.state.author, at: this.now(), text: trimmed.slice(0, 20_000) };
    this.change((review) => ({ ...review, comments: { ...review.comments, [comment.id]: comment } }));
    if (this.state.draftThread === threadId) this.store.set({ draftThread: null });
  }

  editComment(id: string, text: string): void {
    const comment = this.review?.comments[id];
    const trimmed = text.trim();
    if (!comment || !trimmed || !this.isMine(comment.author)) return;
    this.change((review) => ({ ...review, comments: { ...review.comments, [id]: { ...comment, text: trimmed.slice(0, 20_000), editedAt: this.now() } } }));
  }

  /** Delete one's own comment; deleting a thread's first comment deletes the thread. */
  deleteComment(id: string): void {
    const review = this.review;
    const comment = review?.comments[id];
    if (!review || !comment || !this.isMine(comment.author)) return;
    if (commentsOf(review, comment.threadId)[0]?.id === id) return this.deleteThread(comment.threadId);
    this.change((r) => {
      const comments = { ...r.comments };
      delete comments[id];
      return { ...r, comments };
    });
  }

  /** Remove a thread, its comments and its marks in the text. */
  deleteThread(threadId: string): void {
    const thread = this.review?.threads[threadId];
    if (!thread) return;
    this.sectionHandle(this.sectionOfThread(threadId))?.removeMarks(threadId);
    this.change((review) => {
      const threads = { ...review.threads };
      delete threads[threadId];
      const comments = Object.fromEntries(Object.entries(review.comments).filter(([, c]) => c.threadId !== threadId));
      return { ...review, threads, comments };
    });
    this.store.set((s) => ({ draftThread: s.draftThread === threadId ? null : s.draftThread, activeThread: s.activeThread === threadId ? null : s.activeThread }));
  }

  /** A new thread left without a first comment is taken away again. */
  discardDraft(): void {
    const id = this.state.draftThread;
    if (!id) return;
    this.store.set({ draftThread: null });
    const review = this.review;
    if (review && commentsOf(review, id).length === 0) this.deleteThread(id);
  }

  resolve(threadId: string, resolved: boolean): void {
    const thread = this.review?.threads[threadId];
    if (!thread) return;
    const next: CommentThread = { ...thread, resolved: resolved ? { by: this.state.author, at: this.now() } : null };
    this.change((review) => ({ ...review, threads: { ...review.threads, [threadId]: next } }));
  }

  // ---- Suggestions ----

  /** The record of a suggestion just made in an editor. */
  recordSuggestion(sectionId: string, kind: SuggestionKind, text: string, id = newId('s')): string {
    const suggestion: Suggestion = { id, sectionId, kind, author: this.state.author, at: this.now(), text: text.slice(0, 100_000) };
    this.change((review) => ({ ...review, suggestions: { ...review.suggestions, [id]: suggestion } }));
    return id;
  }

  /** Keep records' text in step with the editor (called when the editor hands over its content). */
  updateSuggestionTexts(texts: Map<string, string>): void {
    const review = this.review;
    if (!review) return;
    const changed = [...texts].filter(([id, text]) => review.suggestions[id] && review.suggestions[id]!.text !== text);
    if (changed.length === 0) return;
    this.change((r) => {
      const suggestions = { ...r.suggestions };
      for (const [id, text] of changed) if (suggestions[id]) suggestions[id] = { ...suggestions[id]!, text: text.slice(0, 100_000) };
      return { ...r, suggestions };
    });
  }

  /**
   * Accept or reject the suggestions `pick` chooses (by id and record), in the open editor
   * (undoable there) and in every other section's stored content. Returns how many.
   */
  settle(pick: (id: string, record: Suggestion | undefined) => boolean, decision: Decision, onlySection?: string): number {
    if (this.state.suggestOnly) return 0;
    this.session.flushEditors();
    const pack = this.session.current;
    if (!pack) return 0;
    const records = pack.review.suggestions;
    const decide: Decide = (id) => (pick(id, records[id]) ? decision : null);
    let count = 0;
    const changed = new Map<string, Pack['sections'][number]['content']>();
    for (const section of pack.sections) {
      if (onlySection !== undefined && section.id !== onlySection) continue;
      const handle = this.editors.get(section.id);
      if (handle) {
        count += handle.settle(decide).length;
        continue;
      }
      const result = settleContent(section.content, decide);
      if (result.settled.length === 0) continue;
      count += result.settled.length;
      changed.set(section.id, result.state);
    }
    if (changed.size > 0) this.session.update((p) => ({ ...p, sections: p.sections.map((s) => (changed.has(s.id) ? { ...s, content: changed.get(s.id)! } : s)) }));
    return count;
  }

  // ---- Where things are ----

  /** The section a thread's marks are in now (it may have moved by cut and paste), else its own. */
  sectionOfThread(threadId: string): string {
    const live = this.state.live;
    if (live?.markup.marks.has(threadId)) return live.sectionId;
    const pack = this.session.current;
    const thread = pack?.review.threads[threadId];
    if (pack && thread) {
      const own = pack.sections.find((s) => s.id === thread.sectionId);
      if (own && (own.id === live?.sectionId ? live.markup : reviewMarkupOf(own.content)).marks.has(threadId)) return own.id;
      for (const section of pack.sections) if (section.id !== live?.sectionId && reviewMarkupOf(section.content).marks.has(threadId)) return section.id;
    }
    return thread?.sectionId ?? '';
  }

  /** The open section's editor reports its markup (debounced by the editor). */
  setLive(sectionId: string, markup: SectionReviewMarkup): void {
    this.store.set({ live: { sectionId, markup } });
  }

  registerEditor(sectionId: string, handle: ReviewEditorHandle): () => void {
    this.editors.set(sectionId, handle);
    const pending = this.pendingFocus;
    if (pending?.sectionId === sectionId) {
      this.pendingFocus = null;
      // After the editor's first content is in place.
      setTimeout(() => handle.focusItem(pending.id), 0);
    }
    return () => {
      if (this.editors.get(sectionId) === handle) this.editors.delete(sectionId);
      this.store.set((s) => (s.live?.sectionId === sectionId ? { live: null } : {}));
    };
  }

  /** The section an open editor belongs to (its handle carries the editor). */
  sectionOfEditor(editor: unknown): string | null {
    for (const [sectionId, handle] of this.editors) if (handle.editor === editor) return sectionId;
    return null;
  }

  private sectionHandle(sectionId: string): ReviewEditorHandle | undefined {
    return this.editors.get(sectionId);
  }

  /** Go to a thread or suggestion: open its section if needed, then put the caret on it. */
  jumpTo(sectionId: string, id: string, threadId?: string): void {
    if (threadId) this.store.set({ activeThread: threadId });
    const handle = this.editors.get(sectionId);
    if (handle) {
      handle.focusItem(id);
      return;
    }
    this.pendingFocus = { sectionId, id };
    this.openSection?.(sectionId);
  }
}

/** A thread's comments, oldest first. */
export function commentsOf(review: Review, threadId: string): ReviewComment[] {
  return Object.values(review.comments)
    .filter((c) => c.threadId === threadId)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}
