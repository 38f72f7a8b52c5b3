import { useEffect, useRef, useState } from 'react';
import { TEMPLATE_SOURCE_LABELS, TEMPLATE_SOURCES, type TemplateSource, type TemplateSourceStatus, type TemplateSummary } from '../../shared/templates/api.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { Dialog } from '../common/Dialog.js';
import { TemplateDetails } from './TemplateDetails.js';
import { SharedFolderSetting } from './SharedFolderSetting.js';
import { useTemplateGallery } from './useTemplateGallery.js';
import { downloadText, readTemplateFile } from './fileTransfer.js';
import './templates.css';

type Ref = { source: TemplateSource; file: string };
type Ask =
  | { kind: 'conflict'; fileName: string; text: string; existing: TemplateSummary }
  | { kind: 'delete'; template: TemplateSummary };

const BLANK_ID = 'builtin-blank';
/** Built-in templates in the order most packs need them; other sources sort by name. */
const BUILT_IN_ORDER = ['builtin-gamechangers', 'builtin-cabinet-report', BLANK_ID];

function galleryOrder(a: TemplateSummary, b: TemplateSummary): number {
  const rank = (t: TemplateSummary) => (t.source === 'built-in' && BUILT_IN_ORDER.includes(t.id) ? BUILT_IN_ORDER.indexOf(t.id) : BUILT_IN_ORDER.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name, 'en-GB') || a.version.localeCompare(b.version, 'en-GB', { numeric: true });
}

function sameRef(a: Ref | null, b: Ref): boolean {
  return !!a && a.source === b.source && a.file === b.file;
}

/**
 * "New pack": choose a template (built in, your own, or shared), see its sections and
 * guidance, give the pack a title and create it. Templates can be imported, exported,
 * published to the shared folder and deleted from here too.
 */
export function TemplateGallery(props: { onCreated: (file: string) => void; onCancel: () => void; onFromWord?: () => void }) {
  const { gallery, loadError, refresh } = useTemplateGallery();
  const [selected, setSelected] = useState<Ref | null>(null);
  const [title, setTitle] = useState('Untitled briefing');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [working, setWorking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const templates = gallery?.templates ?? [];
  const current = templates.find((t) => sameRef(selected, t)) ?? null;

  // Start on "Blank briefing"; if the chosen template disappears from disk, fall back to it.
  useEffect(() => {
    if (!gallery || current) return;
    const fallback = gallery.templates.find((t) => t.id === BLANK_ID && t.source === 'built-in') ?? gallery.templates[0];
    if (fallback) setSelected({ source: fallback.source, file: fallback.file });
  }, [gallery, current]);

  /** Run one action; the list is re-read before its result (and any new selection) shows. */
  async function act(action: () => Promise<string | void>) {
    setWorking(true);
    setError(null);
    setNotice(null);
    try {
      const message = await action();
      await refresh(true);
      if (message) setNotice(message);
    } catch (err) {
      await refresh(true);
      setError(messageOf(err));
    } finally {
      setWorking(false);
    }
  }

  /** Import one file's text; a clash with a template of the same name and version asks first. */
  async function importText(fileName: string, text: string, onConflict: 'ask' | 'replace' | 'keep-both'): Promise<string | void> {
    setAsk(null);
    const outcome = await host.importTemplate({ fileName, text, onConflict });
    if (outcome.status === 'conflict') {
      setAsk({ kind: 'conflict', fileName, text, existing: outcome.existing });
      return;
    }
    // Read the folders first, so the new template is in the list when it is selected.
    await refresh(true);
    setSelected({ source: 'user', file: outcome.template.file });
    return `Imported “${outcome.template.name}” (version ${outcome.template.version}) into Your templates.`;
  }

  function create() {
    const chosenTitle = title.trim();
    if (!chosenTitle) return;
    void act(async () => {
      // With no template to be had (every folder unreadable), an empty pack can still be made.
      const opened = current
        ? await host.createPackFromTemplate({ source: current.source, file: current.file, title: chosenTitle })
        : await host.createPack({ title: chosenTitle });
      props.onCreated(opened.file);
    });
  }

  const canCreate = title.trim() !== '' && !working && (current !== null || (gallery !== null && templates.length === 0) || loadError !== null);
  const sharedStatus = gallery?.sources.find((s) => s.source === 'shared');
  return (
    <Dialog
      title="New briefing pack"
      className="template-gallery"
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="new-pack-form" className="primary" disabled={!canCreate}>
            Create
          </button>
        </>
      }
    >
      <form
        id="new-pack-form"
        className="gallery-title-row"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label className="field">
          <span>Title</span>
          <input autoFocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
      </form>

      <div role="status" aria-live="polite" className="gallery-messages">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {(error ?? loadError) && (
        <p role="alert" className="error-banner">
          {error ?? loadError}
        </p>
      )}
      {ask?.kind === 'conflict' && (
        <div role="alertdialog" aria-labelledby="conflict-question" className="gallery-ask">
          <p id="conflict-question">
            Your templates already have “{ask.existing.name}”, version {ask.existing.version}. Replace it with the file you chose, or keep both?
          </p>
          <button type="button" className="primary" onClick={() => void act(() => importText(ask.fileName, ask.text, 'replace'))}>
            Replace it
          </button>
          <button type="button" autoFocus onClick={() => void act(() => importText(ask.fileName, ask.text, 'keep-both'))}>
            Keep both
          </button>
          <button type="button" onClick={() => setAsk(null)}>
            Cancel import
          </button>
        </div>
      )}
      {ask?.kind === 'delete' && (
        <div role="alertdialog" aria-labelledby="delete-question" className="gallery-ask">
          <p id="delete-question">Delete “{ask.template.name}” from Your templates? It will be moved to the trash. Packs made from it keep their sections.</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              const { template } = ask;
              setAsk(null);
              void act(async () => (await host.deleteTemplate({ file: template.file }), `Moved “${template.name}” to the trash.`));
            }}
          >
            Delete template
          </button>
          <button type="button" onClick={() => setAsk(null)}>
            Keep it
          </button>
        </div>
      )}

      <div className="gallery-body">
        <div className="gallery-list">
          <div className="gallery-tools">
            <button type="button" onClick={() => fileInput.current?.click()} disabled={working}>
              Import template…
            </button>
            {props.onFromWord && (
              <button type="button" onClick={props.onFromWord} disabled={working}>
                From a Word document…
              </button>
            )}
            <input
              ref={fileInput}
              type="file"
              accept=".briefing-template,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Template file to import"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                void act(async () => importText(file.name, await readTemplateFile(file), 'ask'));
              }}
            />
          </div>
          {gallery === null && !loadError && <p className="muted">Looking for templates…</p>}
          {gallery &&
            TEMPLATE_SOURCES.map((source) => (
              <SourceGroup
                key={source}
                source={source}
                status={gallery.sources.find((s) => s.source === source)}
                templates={templates.filter((t) => t.source === source).sort(galleryOrder)}
                selected={selected}
                onSelect={(ref) => setSelected(ref)}
                onSharedChanged={() => void refresh(true)}
              />
            ))}
          {gallery && gallery.broken.length > 0 && (
            <section className="gallery-broken" aria-labelledby="broken-heading">
              <h3 id="broken-heading">Templates that could not be read</h3>
              <ul>
                {gallery.broken.map((b) => (
                  <li key={`${b.source}/${b.file}`}>
                    <span className="badge">{TEMPLATE_SOURCE_LABELS[b.source]}</span> <span className="broken-reason">{b.error.message}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div className="gallery-details" key={current ? `${current.source}/${current.file}` : 'none'}>
          {current ? (
            <TemplateDetails
              template={current}
              working={working}
              canPublish={sharedStatus?.state === 'ok'}
              onExport={() =>
                void act(async () => {
                  const exported = await host.exportTemplate({ source: current.source, file: current.file });
                  downloadText(exported.fileName, exported.text);
                  return `Saved “${current.name}” as ${exported.fileName} in your downloads.`;
                })
              }
              onPublish={() =>
                void act(async () => {
                  const published = await host.publishTemplate({ file: current.file });
                  return published.replacedVersion === null
                    ? `Published “${current.name}” version ${current.version} to the shared folder.`
                    : published.replacedVersion === current.version
                      ? `The shared folder already has this exact version of “${current.name}”. Nothing needed changing.`
                      : `Published “${current.name}” version ${current.version} to the shared folder, replacing version ${published.replacedVersion}.`;
                })
              }
              onDelete={() => setAsk({ kind: 'delete', template: current })}
            />
          ) : (
            gallery && <p className="muted">Choose a template to see its sections.</p>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function SourceGroup(props: {
  source: TemplateSource;
  status: TemplateSourceStatus | undefined;
  templates: TemplateSummary[];
  selected: Ref | null;
  onSelect: (ref: Ref) => void;
  onSharedChanged: () => void;
}) {
  const { source, status, templates } = props;
  return (
    <fieldset className="gallery-group" data-source={source}>
      <legend>{TEMPLATE_SOURCE_LABELS[source]}</legend>
      {source === 'shared' && <SharedFolderSetting status={status} onChanged={props.onSharedChanged} />}
      {status?.state === 'unavailable' && (
        <p className="source-unavailable" data-testid={`source-${source}-unavailable`}>
          {status.message}
        </p>
      )}
      {status?.state === 'ok' && templates.length === 0 && (
        <p className="muted small">{source === 'user' ? 'No templates of your own yet. Save a pack as a template, or import a template file.' : 'No templates in this folder yet.'}</p>
      )}
      {templates.map((t) => (
        <label key={t.file} className={`template-option${sameRef(props.selected, t) ? ' selected' : ''}`}>
          <input type="radio" name="template" checked={sameRef(props.selected, t)} onChange={() => props.onSelect({ source: t.source, file: t.file })} />
          <span className="template-option-text">
            <span className="template-name">{t.name}</span>
            <span className="muted small">
              Version {t.version} · {t.sections.length} section{t.sections.length === 1 ? '' : 's'}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
