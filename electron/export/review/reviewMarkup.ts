import { Paragraph, TextRun, type ICommentOptions } from 'docx';
import type { Pack } from '../../../shared/pack/schema.js';
import type { CommentThread, ReviewComment, Suggestion } from '../../../shared/review/schema.js';
import type { SerializedNodeJson } from '../../../shared/richtext/serialized.js';

/**
 * What the "With comments and tracked changes" export needs while it writes a pack: every
 * comment thread as Word comments (the first comment, then its replies threaded to it through
 * commentsExtended.xml's paraIdParent, all marked done when the thread is resolved), and every
 * suggestion's author and time for its w:ins / w:del. Word's ids are numbers: comments count
 * from 0; revisions from REVISION_ID_BASE, so they never meet a comment or bookmark id.
 */
export const REVISION_ID_BASE = 10_000;

export interface RevisionAttributes {
  id: number;
  author: string;
  date: string;
}

/** A revision or comment date as Word writes it: UTC, whole seconds. */
export function wordDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return letters.slice(0, 9) || '?';
}

/** The Word comment ids of one thread: the first comment and its replies. */
interface ThreadIds {
  thread: CommentThread;
  ids: number[];
}

export class ReviewMarkup {
  private readonly comments: ICommentOptions[] = [];
  private readonly threadIds = new Map<string, ThreadIds>();
  /** Threads whose range has been written somewhere in the body. */
  private readonly placed = new Set<string>();
  private nextRevision = REVISION_ID_BASE;
  private readonly commentsByThread = new Map<string, ReviewComment[]>();

  constructor(private readonly pack: Pack) {
    for (const c of Object.values(pack.review.comments)) {
      const list = this.commentsByThread.get(c.threadId) ?? [];
      list.push(c);
      this.commentsByThread.set(c.threadId, list);
    }
    for (const list of this.commentsByThread.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  }

  /** The Word comment ids for a thread (made on first use, in body order), or null if it has nothing to say. */
  idsFor(threadId: string): number[] | null {
    const known = this.threadIds.get(threadId);
    if (known) return known.ids;
    const thread = this.pack.review.threads[threadId];
    const list = this.commentsByThread.get(threadId);
    if (!thread || !list || list.length === 0) return null;
    const resolved = thread.resolved !== null;
    const ids: number[] = [];
    list.forEach((c, i) => {
      const id = this.comments.length;
      ids.push(id);
      const paragraphs = c.text.split('\n').map((line) => new Paragraph({ children: line ? [new TextRun(line)] : [] }));
      // A thread whose text was deleted is kept on its section's heading, with the words it was on.
      if (i === 0 && thread.anchor === 'text' && this.quotedOnly.has(threadId) && thread.quote.trim()) {
        paragraphs.unshift(new Paragraph({ children: [new TextRun({ text: `On deleted text: “${thread.quote.trim()}”`, italics: true })] }));
      }
      const date = new Date(c.at);
      this.comments.push({
        id,
        author: c.author.name || 'Unknown',
        initials: initialsOf(c.author.name),
        date: Number.isNaN(date.getTime()) ? undefined : date,
        children: paragraphs,
        ...(i > 0 ? { parentId: ids[0] } : {}),
        ...(resolved ? { resolved: true } : {}),
      });
    });
    this.threadIds.set(threadId, { thread, ids });
    return ids;
  }

  /** Threads anchored to text that is no longer in the section: they go on its heading. */
  private readonly quotedOnly = new Set<string>();

  /**
   * The threads to put on a section's heading: those anchored to the whole section, and those
   * whose marked text is gone from the content (deleted since).
   */
  headingThreads(sectionId: string, content: readonly SerializedNodeJson[]): string[] {
    const marked = new Set<string>();
    const stack = [...content];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'mark' && Array.isArray(node.ids)) for (const id of node.ids) if (typeof id === 'string') marked.add(id);
      if (Array.isArray(node.children)) stack.push(...node.children);
    }
    const out: string[] = [];
    for (const thread of Object.values(this.pack.review.threads)) {
      if (thread.sectionId !== sectionId || this.placed.has(thread.id)) continue;
      if (thread.anchor === 'section' || !marked.has(thread.id)) {
        if (thread.anchor === 'text') this.quotedOnly.add(thread.id);
        out.push(thread.id);
      }
    }
    return out.sort((a, b) => (this.pack.review.threads[a]!.createdAt < this.pack.review.threads[b]!.createdAt ? -1 : 1));
  }

  isPlaced(threadId: string): boolean {
    return this.placed.has(threadId);
  }

  markPlaced(threadId: string): void {
    this.placed.add(threadId);
  }

  /** Author and date of a suggestion, with a fresh revision id for one w:ins / w:del. */
  revision(suggestionId: string): RevisionAttributes {
    const s: Suggestion | undefined = this.pack.review.suggestions[suggestionId];
    return { id: this.nextRevision++, author: s?.author.name || 'Unknown', date: wordDate(s?.at ?? this.pack.updatedAt) };
  }

  /** The comments part's content, for the Document. */
  commentOptions(): ICommentOptions[] {
    return this.comments;
  }
}
