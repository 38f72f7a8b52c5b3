import { memo } from 'react';
import type { Section } from '../../shared/pack/schema.js';
import { findGamechanger, LOCAL_ANGLE_PROMPTS } from '../../shared/gamechangers/index.js';

/**
 * Guidance beside the open section: the gamechanger's statement and the prompts for a local
 * angle, plus the template's own guidance. It is context for the author only: it is never
 * part of the section content and never exported.
 */
export const GuidancePanel = memo(function GuidancePanel(props: { section: Section }) {
  const { section } = props;
  const gamechanger = findGamechanger(section.gamechangerId);
  const guidance = section.guidance.trim();
  if (!gamechanger && !guidance) {
    return (
      <aside className="guidance" aria-labelledby="guidance-heading">
        <h2 id="guidance-heading">Guidance</h2>
        <p className="muted">This section has no guidance. Write what the cabinet needs to know.</p>
      </aside>
    );
  }
  return (
    <aside className="guidance" aria-labelledby="guidance-heading" data-testid="guidance" tabIndex={0}>
      <h2 id="guidance-heading">Guidance</h2>
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
      {guidance && (
        <section aria-labelledby="guidance-template">
          <h3 id="guidance-template">From the template</h3>
          {guidance.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </section>
      )}
    </aside>
  );
});
