import { useId, useState } from 'react';
import type { Section } from '../../shared/pack/schema.js';
import { SCHEDULE_12A_PARAGRAPHS } from '../../shared/pack/vocabulary.js';
import { SCHEDULE_12A_WORDING, type Schedule12aParagraph } from '../../shared/pack/schedule12a.js';
import { Dialog } from '../common/Dialog.js';

export interface SectionPublication {
  kind: 'body' | 'appendix';
  exempt: { paragraph: Schedule12aParagraph } | undefined;
}

/**
 * Section settings: whether the section is part of the report's body or an appendix (lettered
 * A, B, … in order), and whether it is exempt information with its Schedule 12A paragraph,
 * each paragraph shown in the statute's words. An exempt part is withheld from the public
 * version and marked NOT FOR PUBLICATION in the full one.
 */
export function SectionSettingsDialog(props: { section: Section; label: string; onCancel: () => void; onSave: (settings: SectionPublication) => void }) {
  const [kind, setKind] = useState<'body' | 'appendix'>(props.section.kind ?? 'body');
  const [exempt, setExempt] = useState<boolean>(!!props.section.exempt);
  const [paragraph, setParagraph] = useState<Schedule12aParagraph | null>(props.section.exempt?.paragraph ?? null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const title = props.section.title || 'Untitled section';

  const save = () => {
    if (exempt && paragraph === null) {
      setError('Choose the paragraph of Schedule 12A that makes this part exempt.');
      return;
    }
    props.onSave({ kind, exempt: exempt && paragraph !== null ? { paragraph } : undefined });
  };

  return (
    <Dialog
      title={`Section settings: ${title}`}
      onCancel={props.onCancel}
      describedBy={`${id}-about`}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={save}>
            Save settings
          </button>
        </>
      }
    >
      <form className="section-settings" onSubmit={(e) => (e.preventDefault(), save())}>
        <p id={`${id}-about`} className="muted">
          Now {props.label}. Appendices are lettered in the order they appear and start on a new page.
        </p>
        <fieldset className="group">
          <legend>Part of the report</legend>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'body'} onChange={() => setKind('body')} /> Body of the report
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'appendix'} onChange={() => setKind('appendix')} /> Appendix
          </label>
        </fieldset>
        <fieldset className="group">
          <legend>Publication</legend>
          <label>
            <input type="checkbox" checked={exempt} onChange={(e) => (setExempt(e.target.checked), setError(null))} /> Exempt information: not for publication (Schedule 12A, Local Government Act 1972)
          </label>
          {exempt && (
            <div className="field">
              <label htmlFor={`${id}-para`}>Schedule 12A paragraph</label>
              <select id={`${id}-para`} value={paragraph ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-wording`} onChange={(e) => (setParagraph(e.target.value ? (Number(e.target.value) as Schedule12aParagraph) : null), setError(null))}>
                <option value="">Choose a paragraph</option>
                {SCHEDULE_12A_PARAGRAPHS.map((n) => (
                  <option key={n} value={n}>
                    Paragraph {n}: {SCHEDULE_12A_WORDING[n].length > 70 ? `${SCHEDULE_12A_WORDING[n].slice(0, 67)}…` : SCHEDULE_12A_WORDING[n]}
                  </option>
                ))}
              </select>
              {paragraph !== null && (
                <p id={`${id}-wording`} className="hint">
                  Paragraph {paragraph}: {SCHEDULE_12A_WORDING[paragraph]} The public interest in keeping it exempt must outweigh the public interest in disclosing it.
                </p>
              )}
              {error && (
                <p id={`${id}-error`} className="field-error" role="alert">
                  {error}
                </p>
              )}
            </div>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
