import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ImportCommitResult } from '../../shared/api/contract.js';
import type { TemplateSummary } from '../../shared/templates/api.js';
import type { ImportAnalysis, PartDestination } from '../../shared/import/types.js';
import { defaultDestinations } from '../../shared/import/arrange.js';
import { Dialog } from '../common/Dialog.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { cancelImport, readWordDocument, STEP_LABELS, type ImportHandle, type ImportStep } from './readAndUpload.js';
import { ImportPreview } from './ImportPreview.js';
import './import.css';

/**
 * "From a Word document": choose (or drop) a .docx, watch it being read, see the preview, then
 * bring it in: as a new pack, a new pack from a template, or (from an open pack) as new
 * sections or into the section being edited. Nothing is written before "Import".
 */
export type ImportDialogMode = { kind: 'library' } | { kind: 'open-pack'; currentSection: string | null };

type Phase =
  | { kind: 'choose' }
  | { kind: 'working'; fileName: string; step: ImportStep }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'preview'; jobId: string; analysis: ImportAnalysis };

const ACCEPT = '.docx,.docm,.dotx,.doc,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function percent(step: ImportStep): number {
  // Sending is the first fifth, reading the rest (the text is most of it).
  const share = step.total > 0 ? Math.min(1, step.done / step.total) : 0;
  const at: Record<ImportStep['step'], [number, number]> = { sending: [0, 20], waiting: [20, 22], opening: [22, 25], reading: [25, 85], pictures: [85, 88], notes: [88, 92], building: [92, 100] };
  const [from, to] = at[step.step];
  return Math.round(from + (to - from) * share);
}

export function ImportDialog(props: { mode: ImportDialogMode; file?: File | null; onDone: (result: ImportCommitResult, analysis: ImportAnalysis) => void; onCancel: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [title, setTitle] = useState('');
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateKey, setTemplateKey] = useState('');
  const [restInto, setRestInto] = useState<number | null>(null);
  const [insertMode, setInsertMode] = useState<'new-sections' | 'current-section'>('new-sections');
  const [overrides, setOverrides] = useState<Record<string, PartDestination>>({});
  const handle = useRef<ImportHandle>({ cancelled: false, id: null });
  const fileInput = useRef<HTMLInputElement>(null);
  const progressId = useId();
  const inLibrary = props.mode.kind === 'library';

  useEffect(() => {
    if (!inLibrary) return;
    void host.listTemplates({}).then((g) => setTemplates(g.templates), () => setTemplates([]));
  }, [inLibrary]);

  const template = templates.find((t) => `${t.source}/${t.file}` === templateKey) ?? null;
  const templateTitles = template ? template.sections.map((s) => s.title) : null;
  const analysis = phase.kind === 'preview' ? phase.analysis : null;
  const destinations = useMemo(() => (analysis ? { ...defaultDestinations(analysis.parts, templateTitles, restInto), ...overrides } : {}), [analysis, templateTitles, restInto, overrides]);

  async function read(file: File) {
    handle.current = { cancelled: false, id: null };
    setError(null);
    setOverrides({});
    setPhase({ kind: 'working', fileName: file.name, step: { step: 'sending', done: 0, total: file.size } });
    try {
      const result = await readWordDocument(file, (step) => setPhase({ kind: 'working', fileName: file.name, step }), handle.current);
      setTitle(result.analysis.title);
      setPhase({ kind: 'preview', ...result });
    } catch (err) {
      if (!handle.current.cancelled) setPhase({ kind: 'failed', fileName: file.name, message: messageOf(err) });
    }
  }

  // A file dropped on the library starts at once.
  useEffect(() => {
    if (props.file) void read(props.file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.file]);

  function cancel() {
    void cancelImport(handle.current);
    props.onCancel();
  }

  async function commit() {
    if (phase.kind !== 'preview') return;
    setWorking(true);
    setError(null);
    try {
      const target = props.mode.kind === 'open-pack' ? ({ kind: 'open-pack', mode: insertMode } as const) : template ? ({ kind: 'template', source: template.source, file: template.file } as const) : ({ kind: 'new-pack' } as const);
      const result = await host.importCommit({ jobId: phase.jobId, target, title: inLibrary && title.trim() ? title.trim() : undefined, destinations, restInto: template ? restInto : null });
      props.onDone(result, phase.analysis);
    } catch (err) {
      setError(messageOf(err));
      setWorking(false);
    }
  }

  const chooser = (
    <>
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Word document to import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      <button type="button" className={phase.kind === 'choose' ? 'primary' : undefined} onClick={() => fileInput.current?.click()}>
        {phase.kind === 'choose' ? 'Choose a Word document…' : 'Choose another file…'}
      </button>
    </>
  );

  return (
    <Dialog
      title={inLibrary ? 'New pack from a Word document' : 'Insert a Word document'}
      className="import-dialog"
      onCancel={cancel}
      actions={
        <>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          {phase.kind === 'preview' && (
            <button type="button" className="primary" disabled={working || (inLibrary && !title.trim())} onClick={() => void commit()}>
              {working ? 'Importing…' : 'Import'}
            </button>
          )}
        </>
      }
    >
      {phase.kind === 'choose' && (
        <div className="import-choose">
          <p>Bring a council report or briefing written in Word into Briefing Studio. You will see what it becomes before anything is saved.</p>
          {inLibrary && <p className="muted small">You can also drop a .docx file onto the library.</p>}
          {chooser}
        </div>
      )}
      {phase.kind === 'working' && (
        <div className="import-working" aria-busy="true">
          <p id={progressId}>
            {STEP_LABELS[phase.step.step]} “{phase.fileName}”…
          </p>
          <progress aria-labelledby={progressId} max={100} value={percent(phase.step)}>
            {percent(phase.step)}%
          </progress>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="import-failed">
          <p role="alert" className="error-banner">
            {phase.message}
          </p>
          <p className="muted small">Nothing was imported or saved.</p>
          {chooser}
        </div>
      )}
      {phase.kind === 'preview' && (
        <>
          <p role="status" className="notice">
            Read “{phase.analysis.fileName}”: {phase.analysis.parts.length} part{phase.analysis.parts.length === 1 ? '' : 's'}, {phase.analysis.words.toLocaleString('en-GB')} words. Check what it will become, then choose Import.
          </p>
          <div className="import-options">
            {inLibrary ? (
              <>
                <label className="field">
                  <span>Title</span>
                  <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
                </label>
                <label className="field">
                  <span>Template</span>
                  <select
                    value={templateKey}
                    onChange={(e) => {
                      setTemplateKey(e.target.value);
                      setRestInto(null);
                      setOverrides({});
                    }}
                  >
                    <option value="">None: one section for each top-level heading</option>
                    {templates.map((t) => (
                      <option key={`${t.source}/${t.file}`} value={`${t.source}/${t.file}`}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </label>
                {template && (
                  <label className="field">
                    <span>Parts that match no section go to</span>
                    <select value={restInto === null ? '' : String(restInto)} onChange={(e) => setRestInto(e.target.value === '' ? null : Number(e.target.value))}>
                      <option value="">Sections of their own, after the template’s</option>
                      {template.sections.map((s, i) => (
                        <option key={i} value={String(i)}>
                          {s.title}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </>
            ) : (
              <fieldset className="import-mode">
                <legend>Bring it in</legend>
                <label>
                  <input type="radio" name="import-mode" checked={insertMode === 'new-sections'} onChange={() => setInsertMode('new-sections')} /> As new sections at the end of the pack
                </label>
                <label>
                  <input
                    type="radio"
                    name="import-mode"
                    checked={insertMode === 'current-section'}
                    disabled={props.mode.kind === 'open-pack' && props.mode.currentSection === null}
                    onChange={() => setInsertMode('current-section')}
                  />{' '}
                  {props.mode.kind === 'open-pack' && props.mode.currentSection !== null ? `Into “${props.mode.currentSection}”, at the cursor` : 'Into the open section (open a section first)'}
                </label>
              </fieldset>
            )}
          </div>
          {error && (
            <p role="alert" className="error-banner">
              {error}
            </p>
          )}
          <ImportPreview
            analysis={phase.analysis}
            templateTitles={templateTitles}
            destinations={destinations}
            onDestination={(key, destination) => setOverrides((o) => ({ ...o, [key]: destination }))}
            showFrontSheet={inLibrary}
          />
        </>
      )}
    </Dialog>
  );
}
