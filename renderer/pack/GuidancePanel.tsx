import { memo, useEffect, useRef } from 'react';
import type { Section } from '../../shared/pack/schema.js';
import { findGamechanger, LOCAL_ANGLE_PROMPTS } from '../../shared/gamechangers/index.js';
import { extraGuidanceLines } from './guidanceText.js';

export const GUIDANCE_PANEL_ID = 'guidance-panel';

/**
 * Guidance beside the open section: the gamechanger's statement and the prompts for a local
 * angle, plus whatever else the template's guidance says (each thing once). It is context for
 * the author only: it is never part of the section content and never exported.
 *
 * As an overlay (narrow windows) it takes focus when opened and Escape or Close shuts it.
 */
export const GuidancePanel = memo(function GuidancePanel(props: { section: Section; overlay?: boolean; onClose?: () => void }) {
  const { section, overlay, onClose } = props;
  const gamechanger = findGamechanger(section.gamechangerId);
  const extra = extraGuidanceLines(section.guidance, gamechanger, LOCAL_ANGLE_PROMPTS);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (overlay) ref.current?.focus();
  }, [overlay]);
  const className = overlay ? 'guidance guidance-overlay' : 'guidance';
  const close = overlay && onClose && (
    <button type="button" className="guidance-close" onClick={onClose} aria-label="Close the guidance">
      Close
    </button>
  );
  const common = {
    ref,
    id: GUIDANCE_PANEL_ID,
    className,
    'aria-labelledby': 'guidance-heading',
    tabIndex: overlay ? -1 : 0,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (overlay && event.key === 'Escape' && onClose) {
        event.preventDefault();
        onClose();
      }
    },
  };
  if (!gamechanger && extra.length === 0) {
    return (
      <aside {...common}>
        <div className="guidance-head">
          <h2 id="guidance-heading">Guidance</h2>
          {close}
        </div>
        <p className="muted">This section has no guidance. Write what the cabinet needs to know.</p>
      </aside>
    );
  }
  return (
    <aside {...common} data-testid="guidance">
      <div className="guidance-head">
        <h2 id="guidance-heading">Guidance</h2>
        {close}
      </div>
      <p className="guidance-note">Not part of the briefing: only you see this.</p>
      {gamechanger && (
        <section aria-labelledby="guidance-gamechanger">
          <h3 id="guidance-gamechanger">{gamechanger.title}</h3>
          <p>{gamechanger.statement}</p>
          <h3>Your local angle should cover</h3>
          <ol className="guidance-prompts">
            {LOCAL_ANGLE_PROMPTS.map((prompt) => {
              const [lead, ...rest] = prompt.split(':');
              return (
                <li key={prompt}>
                  <strong>{lead}</strong>
                  {rest.length ? `:${rest.join(':')}` : ''}
                </li>
              );
            })}
          </ol>
          <p className="muted">Usually covers: {gamechanger.covers}</p>
        </section>
      )}
      {extra.length > 0 && (
        <section aria-labelledby="guidance-template">
          <h3 id="guidance-template">From the template</h3>
          {extra.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </section>
      )}
    </aside>
  );
});
