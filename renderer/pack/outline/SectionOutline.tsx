import { memo, type KeyboardEvent } from 'react';
import './outline.css';
import type { Section } from '../../../shared/pack/schema.js';
import { findGamechanger } from '../../../shared/gamechangers/index.js';
import { readingMinutes } from '../../../shared/richtext/plainText.js';
import { formatCount } from '../../common/format.js';
import { packParts } from '../../../shared/pack/parts.js';
import { PartBadges } from '../../publication/PartBadges.js';
import '../../publication/publication.css';

export const FRONT_SHEET = 'front-sheet';

export interface OutlineProps {
  sections: Section[];
  counts: Map<string, number>;
  /** Open comments and suggested changes per section (shown when there are any). */
  reviewCounts?: Map<string, number>;
  active: string;
  onSelect: (id: string) => void;
  onAdd: () => void;
  onRename: (id: string) => void;
  onMove: (id: string, by: -1 | 1) => void;
  onRemove: (id: string) => void;
  /** Section settings: body or appendix, exempt with its Schedule 12A paragraph. */
  onSettings?: (id: string) => void;
  /** An approved pack: sections can be read and opened, not added, renamed, moved or removed. */
  readOnly?: boolean;
}

/**
 * The side list of a pack: the front sheet, then each section with its gamechanger badge and
 * word count against its limit. Click to open a section; the open section offers rename,
 * move up/down and remove. Alt+↑ / Alt+↓ on a section moves it from the keyboard.
 */
export const SectionOutline = memo(function SectionOutline(props: OutlineProps) {
  const { sections, counts } = props;
  const allCounted = sections.every((s) => counts.has(s.id));
  const total = sections.reduce((sum, s) => sum + (counts.get(s.id) ?? 0), 0);
  const minutes = readingMinutes(total);
  const parts = packParts(sections);

  const onItemKey = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (props.readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    props.onMove(id, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <nav className="outline" aria-labelledby="sections-heading">
      <h2 id="sections-heading">Sections</h2>
      <button type="button" className={`outline-item outline-front${props.active === FRONT_SHEET ? ' is-active' : ''}`} aria-current={props.active === FRONT_SHEET ? 'true' : undefined} onClick={() => props.onSelect(FRONT_SHEET)}>
        <span className="outline-title">Front sheet</span>
      </button>
      {sections.length === 0 ? (
        <p className="muted outline-empty">No sections yet. Add one for each local angle.</p>
      ) : (
        <ol className="outline-list" aria-label="Sections">
          {sections.map((section, index) => {
            const gamechanger = findGamechanger(section.gamechangerId);
            const words = counts.get(section.id);
            const over = words !== undefined && section.wordLimit !== undefined && words > section.wordLimit;
            const active = props.active === section.id;
            const title = section.title || 'Untitled section';
            return (
              <li
                key={section.id}
                className={active ? 'is-active' : undefined}
                // Where renderer/library/sectionJump.ts lands when the section is not open (an
                // open section's pane carries id="section-<id>" instead: one target at a time).
                data-outline-section={active ? undefined : section.id}
              >
                <button
                  type="button"
                  className="outline-item"
                  aria-current={active ? 'true' : undefined}
                  aria-keyshortcuts={props.readOnly ? undefined : 'Alt+ArrowUp Alt+ArrowDown'}
                  onClick={() => props.onSelect(section.id)}
                  onKeyDown={(e) => onItemKey(e, section.id)}
                  data-section-id={section.id}
                >
                  <span className="outline-title">{title}</span>
                  <span className="outline-meta">
                    <PartBadges part={parts[index]} />
                    {gamechanger && <span className="badge badge-gamechanger">{gamechanger.shortName}</span>}
                    {(props.reviewCounts?.get(section.id) ?? 0) > 0 && (
                      <span className="badge outline-review" data-testid="outline-review">
                        {props.reviewCounts!.get(section.id)} open<span className="visually-hidden"> comments and changes</span>
                      </span>
                    )}
                    <span className={`outline-words${over ? ' is-over' : ''}`} data-testid="outline-words">
                      {words === undefined ? '…' : formatCount(words)}
                      {section.wordLimit !== undefined ? ` / ${formatCount(section.wordLimit)}` : ''} words
                      {over && <span className="visually-hidden"> (over the limit)</span>}
                    </span>
                  </span>
                </button>
                {active && !props.readOnly && (
                  <div className="outline-actions" role="group" aria-label={`Section actions for ${title}`}>
                    <button type="button" onClick={() => props.onRename(section.id)} aria-label={`Rename ${title}`}>
                      Rename
                    </button>
                    {props.onSettings && (
                      <button type="button" onClick={() => props.onSettings!(section.id)} aria-label={`Settings for ${title}`}>
                        Settings…
                      </button>
                    )}
                    <button type="button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => props.onMove(section.id, -1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Move ${title} down`} disabled={index === sections.length - 1} onClick={() => props.onMove(section.id, 1)}>
                      ↓
                    </button>
                    <button type="button" className="outline-remove" onClick={() => props.onRemove(section.id)} aria-label={`Remove ${title}`}>
                      Remove
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!props.readOnly && (
        <button type="button" className="outline-add" onClick={props.onAdd}>
          + Add section
        </button>
      )}
      <p className="outline-total" data-testid="pack-words">
        <strong>{allCounted ? formatCount(total) : '…'}</strong> words in the pack
        {allCounted && total > 0 && <> · about {minutes} min reading</>}
      </p>
    </nav>
  );
});
