import type { PartInfo } from '../../shared/pack/parts.js';

/** The outline's badges for a part: its appendix letter, and "Exempt ¶3" when exempt. */
export function PartBadges(props: { part: PartInfo | undefined }) {
  const part = props.part;
  if (!part) return null;
  return (
    <>
      {part.kind === 'appendix' && <span className="badge badge-appendix">{part.label}</span>}
      {part.exemptParagraph !== null && (
        <span className="badge badge-exempt" title={`Exempt information: Schedule 12A, paragraph ${part.exemptParagraph}`}>
          Exempt ¶{part.exemptParagraph}
          <span className="visually-hidden"> (not for publication, paragraph {part.exemptParagraph})</span>
        </span>
      )}
    </>
  );
}
