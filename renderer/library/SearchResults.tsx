import { STATUS_LABELS } from '../../shared/pack/vocabulary.js';
import { formatMeetingDate } from '../common/format.js';
import { Highlighted } from './Highlighted.js';
import type { RankedHit } from './filters.js';

/**
 * Search results: each pack with the places it matched. The title opens the pack; each
 * "In section" link opens it at that section.
 */
export function SearchResults(props: { query: string; hits: RankedHit[]; total: number; onOpen: (file: string, sectionId?: string) => void }) {
  const hidden = props.total - props.hits.length;
  return (
    <section className="search-results" aria-labelledby="search-results-heading">
      <h3 id="search-results-heading" className="results-heading">
        {props.hits.length === 0 ? `No packs match “${props.query}”` : `${props.hits.length === 1 ? '1 pack matches' : `${props.hits.length} packs match`} “${props.query}”`}
        {hidden > 0 && <span className="muted"> ({hidden} more hidden by filters)</span>}
      </h3>
      <ol className="result-list">
        {props.hits.map(({ hit, pack }) => {
          const title = pack.title || 'Untitled briefing';
          return (
            <li key={hit.file} className="result">
              <div className="result-head">
                <button type="button" className="link-button result-title" onClick={() => props.onOpen(hit.file)}>
                  {title}
                </button>
                <span className={`badge badge-${pack.status}`}>{STATUS_LABELS[pack.status]}</span>
                <span className="muted result-meta">
                  {[pack.meetingName, pack.meetingDate ? formatMeetingDate(pack.meetingDate) : ''].filter(Boolean).join(', ')}
                </span>
              </div>
              <ul className="result-matches">
                {hit.matches.map((m, i) => (
                  <li key={m.sectionId ?? `field-${i}`}>
                    {m.sectionId ? (
                      <button type="button" className="link-button match-where" onClick={() => props.onOpen(hit.file, m.sectionId ?? undefined)} aria-label={`In section: ${m.where}, ${title}`}>
                        In section: {m.where}
                      </button>
                    ) : (
                      <span className="match-where">In {m.where.toLowerCase()}</span>
                    )}
                    <p className="match-snippet">
                      <Highlighted snippet={m.snippet} />
                    </p>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
