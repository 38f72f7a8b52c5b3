import type { Pack } from '../../shared/pack/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * Review data for the reference pack (issue 14's benchmark: 200 comments and 500 suggestions):
 * comment marks and inserted or deleted phrases spread evenly over the paragraphs of every
 * section (one or two in each), each with its record, in the shape the editor saves. Deterministic, so runs compare.
 */
const people = [
  { name: 'Alice Reviewer', role: 'Chief Finance Officer' },
  { name: 'Bob Legal', role: 'Monitoring Officer' },
  { name: 'Chris Director', role: 'Director of Place' },
];

function paragraphsOf(nodes: SerializedNodeJson[], out: SerializedNodeJson[] = []): SerializedNodeJson[] {
  for (const n of nodes) {
    if (n.type === 'paragraph' && Array.isArray(n.children) && n.children.some((c) => c.type === 'text' && String(c.text).split(' ').length > 8)) out.push(n);
    else if (Array.isArray(n.children)) paragraphsOf(n.children, out);
  }
  return out;
}

export function withReviewData(source: Pack, counts: { comments: number; suggestions: number } = { comments: 200, suggestions: 500 }): Pack {
  const pack = structuredClone(source);
  const places = pack.sections.flatMap((s) => paragraphsOf(s.content.root.children as SerializedNodeJson[]).map((p) => ({ sectionId: s.id, p })));
  const total = counts.comments + counts.suggestions;
  if (places.length * 2 < total) throw new Error(`The reference pack has ${places.length} paragraphs for ${total} review items.`);
  const step = places.length / total;
  const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, i)).toISOString();
  for (let i = 0; i < total; i++) {
    const { sectionId, p } = places[Math.floor(i * step)]!;
    const children = p.children!;
    // The longest plain run left in the paragraph (a second item goes into what the first left).
    const lengths = children.map((c) => (c.type === 'text' ? String(c.text).split(' ').length : 0));
    const index = lengths.indexOf(Math.max(...lengths));
    if (lengths[index]! < 8) throw new Error('No room left in a paragraph of the reference pack.');
    const node = children[index]!;
    const words = String(node.text).split(' ');
    // Three words from the middle of the run are wrapped.
    const mid = Math.floor(words.length / 2) - 1;
    const before = `${words.slice(0, mid).join(' ')} `;
    const inner = words.slice(mid, mid + 3).join(' ');
    const after = ` ${words.slice(mid + 3).join(' ')}`;
    const piece = (t: string): SerializedNodeJson => ({ ...node, text: t });
    const author = people[i % people.length]!;
    let wrapped: SerializedNodeJson;
    // Comments spread among the suggestions evenly (exactly counts.comments of them).
    const isComment = Math.floor(((i + 1) * counts.comments) / total) > Math.floor((i * counts.comments) / total);
    if (isComment) {
      const threadId = `bench-t${i}`;
      wrapped = { type: 'mark', version: 1, ids: [threadId], children: [piece(inner)] };
      pack.review.threads[threadId] = { id: threadId, sectionId, anchor: 'text', quote: inner, author, createdAt: at(i), resolved: null };
      pack.review.comments[`bench-c${i}`] = { id: `bench-c${i}`, threadId, author, at: at(i), text: `Please check “${inner}”.` };
    } else {
      const id = `bench-g${i}`;
      const kind = i % 2 === 0 ? 'insert' : 'delete';
      wrapped = { type: 'suggestion', version: 1, suggestionId: id, kind, children: [piece(inner)] };
      pack.review.suggestions[id] = { id, sectionId, kind, author, at: at(i), text: inner };
    }
    children.splice(index, 1, piece(before), wrapped, piece(after));
  }
  return pack;
}
