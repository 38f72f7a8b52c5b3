import { FRONT_SHEET_FIELD_LABELS, type FillSource, type ImportAnalysis, type PartDestination } from '../../shared/import/types.js';
import { planSections } from '../../shared/import/arrange.js';

/**
 * What the import will make, before anything is written: the sections with their word counts
 * (and, into a template, which part of the document goes where, each changeable), the
 * front-sheet fields filled and the text each came from, and what is left out or changed.
 */
const FROM: Record<FillSource, string> = {
  title: 'the Title',
  table: 'the front-sheet table',
  paragraph: 'the text',
  header: 'the page header',
  footer: 'the page footer',
  properties: 'the document properties',
  'file-name': 'the file name',
  heading: 'the only top heading',
};

function words(n: number): string {
  return `${n.toLocaleString('en-GB')} word${n === 1 ? '' : 's'}`;
}

export interface PreviewChoices {
  /** Template section titles when importing into a template, else null. */
  templateTitles: string[] | null;
  destinations: Record<string, PartDestination>;
  onDestination: (key: string, destination: PartDestination) => void;
  /** Show front-sheet fills (not when inserting into an open pack). */
  showFrontSheet: boolean;
}

function destinationValue(d: PartDestination): string {
  return d.kind === 'template' ? `t${d.index}` : d.kind;
}

function parseDestination(value: string): PartDestination {
  if (value.startsWith('t')) return { kind: 'template', index: Number(value.slice(1)) };
  return value === 'skip' ? { kind: 'skip' } : { kind: 'own' };
}

export function ImportPreview(props: { analysis: ImportAnalysis } & PreviewChoices) {
  const { analysis, templateTitles, destinations } = props;
  const planned = planSections(analysis.parts, destinations, templateTitles);
  const dropped = analysis.notes.filter((n) => n.kind !== 'accessibility');
  const accessibility = analysis.notes.filter((n) => n.kind === 'accessibility');
  return (
    <div className="import-preview">
      <section aria-labelledby="import-parts-heading">
        <h3 id="import-parts-heading">Parts of the document</h3>
        <table className="import-parts">
          <caption className="visually-hidden">Each part of the document, its length, and where it goes</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Words</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {analysis.parts.map((part) => (
              <tr key={part.key}>
                <th scope="row">
                  <span className="import-part-title">{part.kind === 'preamble' && !part.title ? 'Text before the first heading' : part.title}</span>
                  {part.snippet && <span className="muted small import-snippet">{part.snippet}</span>}
                </th>
                <td className="num">{part.words.toLocaleString('en-GB')}</td>
                <td>
                  <select
                    aria-label={`Where “${part.title || 'text before the first heading'}” goes`}
                    value={destinationValue(destinations[part.key] ?? { kind: 'own' })}
                    onChange={(e) => props.onDestination(part.key, parseDestination(e.target.value))}
                  >
                    <option value="own">{templateTitles ? 'A section of its own' : 'Its own section'}</option>
                    {templateTitles?.map((title, i) => (
                      <option key={i} value={`t${i}`}>
                        {title}
                      </option>
                    ))}
                    <option value="skip">Leave it out</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="import-sections-heading">
        <h3 id="import-sections-heading">Sections it will make</h3>
        <ol className="import-sections">
          {planned.map((s, i) => (
            <li key={i}>
              <span>{s.title}</span> <span className="muted">— {s.parts.length ? words(s.words) : 'empty (the template’s guidance only)'}</span>
            </li>
          ))}
        </ol>
      </section>

      {props.showFrontSheet && (
        <section aria-labelledby="import-fills-heading">
          <h3 id="import-fills-heading">Front sheet</h3>
          {analysis.fills.length === 0 ? (
            <p className="muted">No front-sheet details were found; fill them in after importing.</p>
          ) : (
            <dl className="import-fills">
              {analysis.fills.map((fill) => (
                <div key={fill.field}>
                  <dt>{FRONT_SHEET_FIELD_LABELS[fill.field]}</dt>
                  <dd>
                    <strong>{fill.value}</strong> <span className="muted small">from {FROM[fill.from]}: “{fill.source}”</span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}

      <section aria-labelledby="import-notes-heading">
        <h3 id="import-notes-heading">What is left out or changed</h3>
        <ul className="import-notes">
          {dropped.map((n, i) => (
            <li key={i} data-kind={n.kind}>
              {n.message}
            </li>
          ))}
        </ul>
        {accessibility.map((n, i) => (
          <p key={i} className="import-accessibility" role="note">
            {n.message}
          </p>
        ))}
      </section>
    </div>
  );
}
