import type { SearchSnippet } from '../../shared/api/contract.js';

/** A snippet with its matching words in <mark> (announced as highlighted by screen readers). */
export function Highlighted(props: { snippet: SearchSnippet }) {
  const { text, highlights } = props.snippet;
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ mark: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <span className="snippet">
      {parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}
    </span>
  );
}
