import { useEffect, useRef, useState } from 'react';
import type { AccessibilityReport, ExportNotice, ExportOptionsInput, ExportResult } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { Dialog } from '../common/Dialog.js';
import { ProblemList } from './ProblemList.js';
import { HouseStyleForm } from './HouseStyleForm.js';
import { jumpToSection } from '../library/sectionJump.js';
import { DOCX_MIME, downloadBase64, sizeText } from './download.js';
import { EXPORT_OPTION_FIELDS, FORMAT_NOUNS, FORMAT_TITLES, type ExportFormat } from './exportFormats.js';
import { printHtml } from './printHtml.js';
import { draftMarking } from '../../shared/publication/versions.js';
import { unsettledSuggestions } from '../../shared/export/finalCheck.js';

type Stage =
  | { kind: 'checking' }
  | { kind: 'review'; report: AccessibilityReport }
  | { kind: 'style' }
  | { kind: 'exporting'; started: number }
  | { kind: 'done'; message: string; notices: ExportNotice[] }
  | { kind: 'failed'; message: string; report: AccessibilityReport | null };

const PDF_MIME = 'application/pdf';

/**
 * Export to Word: runs the accessibility checker first and shows its problems (errors must be
 * confirmed with "Export anyway"), then exports with visible progress. Electron shows its
 * native save dialog; the browser host downloads the file. Errors (such as the target being
 * open in Word) are shown in plain English with a way to try again.
 */
export function ExportDialog(props: { pack: Pack; file: string; onClose: () => void; format?: ExportFormat }) {
  const format = props.format ?? 'docx';
  const [stage, setStage] = useState<Stage>({ kind: 'checking' });
  const fields = EXPORT_OPTION_FIELDS.filter((f) => f.appliesTo(props.pack, format));
  const [options, setOptions] = useState<ExportOptionsInput>(() => Object.fromEntries(fields.map((f) => [f.key, f.initial(props.pack)])) as ExportOptionsInput);
  const [engineProblem, setEngineProblem] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const report = useRef<AccessibilityReport | null>(null);
  const closed = useRef(false);

  function check() {
    setStage({ kind: 'checking' });
    host.checkAccessibility({ pack: props.pack }).then(
      (result) => {
        if (closed.current) return;
        report.current = result;
        setStage({ kind: 'review', report: result });
      },
      (err: unknown) => !closed.current && setStage({ kind: 'failed', message: messageOf(err), report: null }),
    );
  }

  useEffect(() => {
    closed.current = false;
    check();
    // Say before exporting if this computer cannot make PDFs, and what to install.
    if (format !== 'docx') host.pdfEngineStatus({}).then((status) => !closed.current && setEngineProblem(format === 'pdf' ? status.message : null), () => undefined);
    return () => {
      closed.current = true;
    };
    // The pack is checked as it was when the dialog opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (stage.kind !== 'exporting') return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - stage.started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [stage]);

  async function runExport() {
    setElapsed(0);
    setStage({ kind: 'exporting', started: Date.now() });
    let result: ExportResult;
    try {
      if (format === 'print') {
        const printed = await host.printPack({ pack: props.pack, options });
        if (closed.current) return;
        if (printed.kind === 'html') await printHtml(printed.html, printed.title);
        if (printed.kind === 'cancelled') setStage({ kind: 'review', report: report.current ?? { problems: [], errors: 0, warnings: 0 } });
        else setStage({ kind: 'done', message: 'Sent to the printer. The pages are the same as the PDF’s.', notices: [] });
        return;
      }
      result = format === 'pdf' ? await host.exportToPdf({ pack: props.pack, file: props.file, options }) : await host.exportToWord({ pack: props.pack, file: props.file, options });
    } catch (err) {
      if (!closed.current) setStage({ kind: 'failed', message: messageOf(err), report: report.current });
      return;
    }
    if (closed.current) return;
    switch (result.kind) {
      case 'cancelled':
        setStage({ kind: 'review', report: report.current ?? { problems: [], errors: 0, warnings: 0 } });
        return;
      case 'download':
        downloadBase64(result.fileName, result.base64, format === 'pdf' ? PDF_MIME : DOCX_MIME);
        setStage({ kind: 'done', message: `Downloaded “${result.fileName}” (${sizeText(result.bytes)}). Check your browser’s downloads.`, notices: result.notices });
        return;
      case 'saved':
        setStage({ kind: 'done', message: `Saved “${result.path}” (${sizeText(result.bytes)}).`, notices: result.notices });
    }
  }

  const close = () => {
    closed.current = true;
    props.onClose();
  };

  // A final file (every PDF and print-out, and a Word file without markup) needs every
  // suggested change settled: list where they are, and export only once they are.
  const wantsFinal = format !== 'docx' || options.review !== 'markup';
  const unsettled = wantsFinal ? unsettledSuggestions(props.pack) : [];
  const busy = stage.kind === 'checking' || stage.kind === 'exporting';
  const draft = draftMarking(props.pack.frontSheet);
  const errors = stage.kind === 'review' ? stage.report.errors : 0;
  const actions = (
    <>
      <button type="button" onClick={close} disabled={stage.kind === 'exporting'}>
        {stage.kind === 'done' ? 'Close' : 'Cancel'}
      </button>
      {stage.kind === 'review' && (
        <button type="button" onClick={() => setStage({ kind: 'style' })}>
          House style…
        </button>
      )}
      {stage.kind === 'review' && (
        <button type="button" className={errors > 0 ? 'danger' : 'primary'} onClick={() => void runExport()} autoFocus={errors === 0} disabled={!!engineProblem || unsettled.length > 0}>
          {format === 'print' ? (errors > 0 ? 'Print anyway' : 'Print') : errors > 0 ? 'Export anyway' : 'Export'}
        </button>
      )}
      {stage.kind === 'failed' && (
        <button type="button" className="primary" onClick={() => void runExport()}>
          Try again
        </button>
      )}
    </>
  );

  return (
    <Dialog title={stage.kind === 'style' ? 'House style' : FORMAT_TITLES[format]} onCancel={() => !busy && close()} actions={stage.kind === 'style' ? null : actions} describedBy="export-status">
      <div className="export-dialog" aria-busy={busy}>
        {stage.kind === 'style' && <HouseStyleForm onDone={(saved) => (saved ? check() : setStage({ kind: 'review', report: report.current ?? { problems: [], errors: 0, warnings: 0 } }))} />}
        {stage.kind === 'checking' && (
          <div id="export-status" role="status">
            <p>Step 1 of 2: checking accessibility…</p>
            <progress aria-label="Checking accessibility" />
          </div>
        )}
        {stage.kind === 'review' && (
          <>
            <p id="export-status" role="status">
              {stage.report.problems.length === 0
                ? 'No accessibility problems found.'
                : `${stage.report.errors} error${stage.report.errors === 1 ? '' : 's'} and ${stage.report.warnings} warning${stage.report.warnings === 1 ? '' : 's'} found. ${
                    stage.report.errors > 0 ? 'Fix the errors before the pack is published, or export anyway for a draft.' : 'You can export now, or fix the warnings first.'
                  }`}
            </p>
            {stage.report.problems.length > 0 && (
              <ProblemList
                problems={stage.report.problems}
                onGoTo={(sectionId) => {
                  close();
                  void jumpToSection(sectionId);
                }}
              />
            )}
            {fields.map((field) => {
              // The select is named by its label alone and described by its hint, so a screen
              // reader (and a test) finds "Version" without the hint's words mixed in.
              const hint = field.hint?.(props.pack);
              const id = `export-option-${field.key}`;
              return (
                <div className="field export-option" key={field.key}>
                  <label htmlFor={id}>{field.label}</label>
                  <select
                    id={id}
                    aria-describedby={hint ? `${id}-hint` : undefined}
                    value={String(options[field.key] ?? field.initial(props.pack))}
                    onChange={(e) => setOptions({ ...options, [field.key]: e.target.value })}
                  >
                    {field.choices.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                  {hint && (
                    <span className="hint" id={`${id}-hint`}>
                      {hint}
                    </span>
                  )}
                </div>
              );
            })}
            {unsettled.length > 0 && (
              <div className="export-unsettled">
                <p role="alert" className="export-error">
                  {unsettled.length} suggested change{unsettled.length === 1 ? ' is' : 's are'} still open. Accept or reject {unsettled.length === 1 ? 'it' : 'them'} before a final export
                  {format === 'docx' ? ', or choose “With comments and tracked changes”' : ''}.
                </p>
                <ul aria-label="Suggested changes to settle" className="problem-list">
                  {unsettled.slice(0, 20).map((u) => (
                    <li key={u.id}>
                      <strong>{u.where}</strong>: {u.message}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          close();
                          void jumpToSection(u.sectionId);
                        }}
                      >
                        Go to section
                      </button>
                    </li>
                  ))}
                </ul>
                {unsettled.length > 20 && <p className="muted">…and {unsettled.length - 20} more.</p>}
              </div>
            )}
            {draft && <p className="notice">This pack is not approved, so every page will say {draft} beside the marking.</p>}
            {engineProblem && (
              <p role="alert" className="export-error">
                {engineProblem}
              </p>
            )}
          </>
        )}
        {stage.kind === 'exporting' && (
          <div id="export-status" role="status">
            <p>
              Step 2 of 2: {format === 'print' ? 'laying out' : 'writing'} {FORMAT_NOUNS[format]}
              {elapsed >= 2 ? ` (${elapsed} s)` : ''}…
            </p>
            <progress aria-label={`Writing ${FORMAT_NOUNS[format]}`} />
            {elapsed >= 5 && <p className="muted">Long packs take a little while. Your pack is safe; you can keep it open.</p>}
          </div>
        )}
        {stage.kind === 'done' && (
          <div id="export-status" role="status">
            <p>{stage.message}</p>
            {stage.notices.length > 0 && (
              <>
                <p>Some content could not be exported exactly:</p>
                <ul className="export-notices">
                  {stage.notices.map((n, i) => (
                    <li key={i}>
                      {n.where}: {n.message}.
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {stage.kind === 'failed' && (
          <div id="export-status">
            <p role="alert" className="export-error">
              {stage.message}
            </p>
            <p className="muted">Your pack has not been changed.</p>
          </div>
        )}
      </div>
    </Dialog>
  );
}
