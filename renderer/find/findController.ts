import type { Section } from '../../shared/pack/schema.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { countMatchesInJson, replaceAllInJson, type FindOptions } from '../../shared/richtext/findText.js';
import { Store } from '../pack/session/store.js';

/**
 * Find and replace across a pack (Ctrl/Cmd+F, Ctrl/Cmd+H), without React. The pack screen
 * gives it the sections and a way to open one; the open section's editor registers a
 * LiveSection (renderer/find/FindPlugin.tsx), which finds in the text as it is being typed,
 * highlights and replaces there (with undo). Sections not open are searched in their saved
 * content, and "Replace all" changes that content directly; each such section then opens
 * with the replacement as one step on its undo stack (takeUndoSeed).
 */
export interface FindState {
  open: boolean;
  replaceShown: boolean;
  query: string;
  replacement: string;
  options: FindOptions;
  /** The match the user is on: its section and its index among that section's matches. */
  current: { sectionId: string; index: number } | null;
  /** Bumped whenever the current match should be brought into view. */
  reveal: number;
  /** The open section's live match count (the editor's text, not the saved content). */
  live: { sectionId: string; count: number } | null;
  /** What the last action did, for the bar's status line ("Replaced 12 in 3 sections."). */
  message: string | null;
  /** Bumped to ask the bar to put focus in its find box (Ctrl+F while open). */
  focusRequest: number;
}

/** The open section's editor, as find sees it. */
export interface LiveSection {
  sectionId: string;
  /** How many matches of the current query its text holds now. */
  count(): number;
  /** Replace match `index`; returns the index of the match after it, or null if there was none. */
  replaceAt(index: number, replacement: string): number | null;
  /** Replace every match in one undoable step; returns how many. */
  replaceAll(replacement: string): number;
  /** Put the editor's selection on match `index` and focus the text (closing the bar). */
  selectMatch(index: number): void;
  /** Focus the text where the caret was. */
  focus(): void;
}

export interface FindHost {
  sections(): readonly Section[];
  activeSectionId(): string | null;
  /** Open a section in the editor without moving focus out of the find bar. */
  openSection(id: string): void;
  /** Why replacing is not possible now (read-only pack, suggesting mode), or null. */
  replaceBlocked(): string | null;
  /** Change the saved content of sections that are not open. */
  updateSections(change: (sections: Section[]) => Section[]): void;
}

const INITIAL: FindState = {
  open: false,
  replaceShown: false,
  query: '',
  replacement: '',
  options: { matchCase: false, wholeWord: false },
  current: null,
  reveal: 0,
  live: null,
  message: null,
  focusRequest: 0,
};

export class FindController {
  readonly store = new Store<FindState>(INITIAL);
  private host: FindHost | null = null;
  private liveSection: LiveSection | null = null;
  /** Saved-content counts by content object: a section's content is replaced, never changed. */
  private readonly counted = new WeakMap<SerializedEditorStateJson, { key: string; count: number }>();
  private readonly undoSeeds = new Map<string, { before: SerializedEditorStateJson; after: SerializedEditorStateJson }>();

  get state(): FindState {
    return this.store.get();
  }

  connect(host: FindHost): () => void {
    this.host = host;
    return () => {
      if (this.host === host) this.host = null;
    };
  }

  /** The open section's editor registers itself while mounted. */
  attach(live: LiveSection): () => void {
    this.liveSection = live;
    return () => {
      if (this.liveSection === live) this.liveSection = null;
      if (this.state.live?.sectionId === live.sectionId) this.store.set({ live: null });
    };
  }

  setLiveCount(sectionId: string, count: number): void {
    const live = this.state.live;
    if (live?.sectionId === sectionId && live.count === count) return;
    const current = this.state.current;
    // Typing can remove matches: keep the current one in range.
    const keep = current?.sectionId === sectionId && current.index >= count ? (count ? { sectionId, index: count - 1 } : null) : current;
    this.store.set({ live: { sectionId, count }, current: keep });
  }

  show(withReplace: boolean): void {
    this.store.set((s) => ({ open: true, replaceShown: withReplace || (s.open && s.replaceShown), focusRequest: s.focusRequest + 1, message: null }));
  }

  /** Close the bar; the text gets focus back, with the current match selected if there is one. */
  close(): void {
    // Selected while the matches are still those of the open bar.
    const current = this.state.current;
    const live = this.liveSection;
    if (live && current && current.sectionId === live.sectionId) live.selectMatch(current.index);
    else live?.focus();
    this.store.set({ open: false, current: null, message: null });
  }

  setQuery(query: string): void {
    this.store.set({ query, current: null, message: null });
    if (query) this.step(1, { fromStart: true });
  }

  setReplacement(replacement: string): void {
    this.store.set({ replacement });
  }

  setOptions(change: Partial<FindOptions>): void {
    this.store.set((s) => ({ options: { ...s.options, ...change }, current: null, message: null }));
    if (this.state.query) this.step(1, { fromStart: true });
  }

  toggleReplace(): void {
    this.store.set((s) => ({ replaceShown: !s.replaceShown }));
  }

  replaceBlocked(): string | null {
    return this.host?.replaceBlocked() ?? null;
  }

  /** Matches in each section, in pack order: the live editor's count for the open one. */
  counts(): Array<{ sectionId: string; count: number }> {
    const { query, options } = this.state;
    const live = this.liveSection;
    const sections = this.host?.sections() ?? [];
    const key = `${options.matchCase ? 'c' : ''}${options.wholeWord ? 'w' : ''}:${query}`;
    return sections.map((section) => {
      if (live && live.sectionId === section.id) return { sectionId: section.id, count: query ? live.count() : 0 };
      const cached = this.counted.get(section.content);
      if (cached && cached.key === key) return { sectionId: section.id, count: cached.count };
      const count = countMatchesInJson(section.content, query, options);
      this.counted.set(section.content, { key, count });
      return { sectionId: section.id, count };
    });
  }

  /** "3 of 17": the current match's place in the whole pack, and the total. */
  position(): { ordinal: number; total: number } {
    const counts = this.counts();
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    const current = this.state.current;
    if (!current) return { ordinal: 0, total };
    let ordinal = 0;
    for (const c of counts) {
      if (c.sectionId === current.sectionId) return { ordinal: ordinal + Math.min(current.index, c.count - 1) + 1, total };
      ordinal += c.count;
    }
    return { ordinal: 0, total };
  }

  next = (): void => this.step(1);
  previous = (): void => this.step(-1);

  /**
   * Move to the next or previous match in the pack, wrapping round at the end (as Word does
   * once it has searched the whole document), opening its section when it is another one.
   */
  private step(direction: 1 | -1, how: { fromStart?: boolean } = {}): void {
    const counts = this.counts();
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    if (!total) {
      this.store.set({ current: null });
      return;
    }
    const active = this.host?.activeSectionId() ?? null;
    const current = this.state.current;
    let sectionAt = counts.findIndex((c) => c.sectionId === (current?.sectionId ?? active));
    let index: number;
    if (!current || how.fromStart) {
      // A new search starts in the open section (or the first section, from the front sheet).
      if (sectionAt < 0) sectionAt = 0;
      index = -1;
      if (direction === 1 && counts[sectionAt]!.count > 0) index = 0;
    } else {
      index = current.index + direction;
    }
    // Walk sections until a match is found.
    for (let guard = 0; guard <= counts.length + 1; guard++) {
      const count = counts[sectionAt]!.count;
      if (index >= 0 && index < count) break;
      sectionAt = (sectionAt + direction + counts.length) % counts.length;
      index = direction === 1 ? 0 : counts[sectionAt]!.count - 1;
    }
    const sectionId = counts[sectionAt]!.sectionId;
    this.store.set((s) => ({ current: { sectionId, index }, reveal: s.reveal + 1, message: null }));
    if (sectionId !== active) this.host?.openSection(sectionId);
  }

  /** Replace the current match (finding one first if there is none, as Word's Replace does). */
  replaceOne = (): void => {
    if (!this.host || this.host.replaceBlocked()) return;
    const current = this.state.current;
    const live = this.liveSection;
    if (!current || !live || current.sectionId !== live.sectionId) {
      this.step(1);
      return;
    }
    const after = live.replaceAt(current.index, this.state.replacement);
    if (after === null) {
      this.store.set({ current: null });
      this.step(1);
      return;
    }
    this.store.set((s) => ({ current: { sectionId: current.sectionId, index: after }, reveal: s.reveal + 1, message: 'Replaced 1.' }));
    // The replaced match was the section's last: go on to the next section's.
    if (after >= live.count()) this.step(1);
  };

  /** Replace every match in the pack: one undo step in each section changed. */
  replaceAll = (): void => {
    const host = this.host;
    if (!host || host.replaceBlocked()) return;
    const { query, replacement, options } = this.state;
    if (!query) return;
    const live = this.liveSection;
    let total = live ? live.replaceAll(replacement) : 0;
    let sectionsChanged = total > 0 ? 1 : 0;
    host.updateSections((sections) =>
      sections.map((section) => {
        if (live && section.id === live.sectionId) return section;
        const result = replaceAllInJson(section.content, query, replacement, options);
        if (!result.count) return section;
        total += result.count;
        sectionsChanged++;
        this.undoSeeds.set(section.id, { before: section.content, after: result.content });
        return { ...section, content: result.content };
      }),
    );
    const message = total === 0 ? 'Nothing to replace.' : `Replaced ${total} in ${sectionsChanged} section${sectionsChanged === 1 ? '' : 's'}. Undo (Ctrl+Z) in each section puts it back.`;
    this.store.set({ current: null, message });
  };

  /**
   * The content a section had before "Replace all" changed it while it was not open, if it
   * still holds exactly what the replacement made: its editor puts that one step on its undo
   * stack. Taken once.
   */
  takeUndoSeed(sectionId: string, content: SerializedEditorStateJson): SerializedEditorStateJson | null {
    const seed = this.undoSeeds.get(sectionId);
    if (!seed) return null;
    this.undoSeeds.delete(sectionId);
    return seed.after === content ? seed.before : null;
  }
}
