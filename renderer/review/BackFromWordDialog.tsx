import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import { host } from '../host/hostClient.js';
import { cancelImport, uploadWordFile, type ImportHandle } from '../import/readAndUpload.js';
import type { PackSession } from '../pack/session/PackSession.js';

/**
 * "Back from Word" (issue 14, point 7): choose the reviewed copy of an export (comments added and
 * changes tracked in Word or LibreOffice); its comments become threads and its tracked changes
 * suggestions on the same words of the pack. The pack as it was is kept in History first, so the
 * whole step can be undone there; what could not be placed is listed, never dropped silently.
 */
type Phase =
  | { kind: 'choose'; error: string | null }
  | { kind: 'working'; fileName: string; done: number; total: number }
  | { kind: 'done'; fileName: string; lines: string[]; added: number; notPlaced: number };

export function BackFromWordDialog(props: { session: PackSession; onClose: () => void; onShowReview: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose', error: null });
  const handle = useRef<ImportHandle>({ cancelled: false, id: null });
  const chooseRef = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => chooseRef.current?.focus(), []);

  async function bringBack(file: File) {
    const session = props.session;
    session.flushEditors();
    const pack = session.current;
    if (!pack) return;
    const seq = session.editSeq;
    handle.current = { cancelled: false, id: null };
    setPhase({ kind: 'working', fileName: file.name, done: 0, total: file.size });
    try {
      const uploadId = await uploadWordFile(file, (s) => setPhase({ kind: 'working', fileName: file.name, done: s.done, total: s.total }), handle.current);
      const outcome = await host.reviewBackFromWord({ uploadId, pack });
      if (handle.current.cancelled) return;
      // The dialog is modal, but an editor can still hand over a late change: nothing is
      // applied over newer words; the user brings the copy back again.
      if (session.editSeq !== seq) throw new Error('The pack changed while the copy was being read, so nothing was added. Bring it back again.');
      if (outcome.added > 0) await session.replaceKeepingVersion(outcome.pack, 'before-word-review');
      setPhase({ kind: 'done', fileName: file.name, lines: outcome.lines, added: outcome.added, notPlaced: outcome.notPlaced });
    } catch (err) {
      if (handle.current.cancelled) return;
      setPhase({ kind: 'choose', error: messageOf(err) });
    }
  }

  const cancel = () => {
    if (phase.kind === 'working') void cancelImport(handle.current);
    props.onClose();
  };

  return (
    <Dialog
      title="Bring back a reviewed Word copy"
      className="back-from-word"
      describedBy="back-from-word-why"
      onCancel={cancel}
      actions={
        phase.kind === 'done' ? (
          <>
            {phase.added > 0 && (
              <button type="button" onClick={props.onShowReview}>
                Show in the review panel
              </button>
            )}
            <button type="button" className="primary" onClick={props.onClose}>
              Close
            </button>
          </>
        ) : (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )
      }
    >
      <p id="back-from-word-why">
        Choose a copy of this pack exported to Word “with comments and tracked changes” and reviewed in Word or LibreOffice. Its new comments and tracked changes are added here, on the same words, as comment threads and suggested changes. The pack as it is now is kept in History first.
      </p>
      {phase.kind === 'choose' && (
        <>
          {phase.error && (
            <p className="field-error" role="alert">
              {phase.error}
            </p>
          )}
          <button ref={chooseRef} type="button" className="primary" onClick={() => fileInput.current?.click()}>
            Choose the reviewed copy…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            hidden
            aria-label="Reviewed Word copy"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void bringBack(file);
            }}
          />
        </>
      )}
      {phase.kind === 'working' && (
        <div role="status">
          <p>Reading “{phase.fileName}”…</p>
          <progress max={Math.max(1, phase.total)} value={phase.done} aria-label={`Reading ${phase.fileName}`} />
        </div>
      )}
      {phase.kind === 'done' && (
        <div role="status" className="back-from-word-report">
          <p>
            <strong>From “{phase.fileName}”:</strong>
          </p>
          <ul>
            {phase.lines.map((line, i) => (
              <li key={i}>{line.trim()}</li>
            ))}
          </ul>
          {phase.added === 0 && <p>Nothing new was found, so the pack is unchanged.</p>}
        </div>
      )}
    </Dialog>
  );
}
