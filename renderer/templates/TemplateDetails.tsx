import { findGamechanger } from '../../shared/gamechangers/index.js';
import { TEMPLATE_SOURCE_LABELS, type TemplateSummary } from '../../shared/templates/api.js';

/** The chosen template: what it is, its sections with their guidance, and what you can do with it. */
export function TemplateDetails(props: {
  template: TemplateSummary;
  working: boolean;
  canPublish: boolean;
  onExport: () => void;
  onPublish: () => void;
  onDelete: () => void;
}) {
  const t = props.template;
  const by = [t.organisation, t.author].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="template-details-name" className="template-details">
      <h3 id="template-details-name">{t.name}</h3>
      <p className="muted small">
        <span className={`badge badge-source-${t.source}`}>{TEMPLATE_SOURCE_LABELS[t.source]}</span> Version {t.version}
        {by && ` · ${by}`}
      </p>
      {t.description && <p>{t.description}</p>}
      <div className="template-actions">
        <button type="button" onClick={props.onExport} disabled={props.working}>
          Export to file
        </button>
        {t.source === 'user' && (
          <>
            <button
              type="button"
              onClick={props.onPublish}
              disabled={props.working || !props.canPublish}
              title={props.canPublish ? undefined : 'Set a shared templates folder that is available first'}
            >
              Publish to shared folder
            </button>
            <button type="button" onClick={props.onDelete} disabled={props.working}>
              Delete template
            </button>
          </>
        )}
      </div>
      <h4>
        Sections <span className="muted">({t.sections.length})</span>
      </h4>
      <ol className="template-sections">
        {t.sections.map((s, i) => {
          const gamechanger = findGamechanger(s.gamechangerId);
          return (
            <li key={i}>
              <span className="template-section-title">{s.title}</span>
              {gamechanger && <span className="badge badge-gamechanger">{gamechanger.shortName}</span>}
              {s.wordLimit && <span className="muted small"> · up to {s.wordLimit} words</span>}
              {s.hasStarterContent && <span className="muted small"> · has starter text</span>}
              {s.guidance.length > 0 && (
                <details>
                  <summary>Guidance</summary>
                  <ul className="template-guidance">
                    {s.guidance.map((g, j) => (
                      <li key={j}>{g}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
