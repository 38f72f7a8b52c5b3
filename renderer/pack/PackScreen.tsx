import { useEffect, useState } from 'react';
import { findGamechanger } from '../../shared/gamechangers/index.js';
import { usePackDocument } from './usePackDocument.js';
import { SaveStatus } from './SaveStatus.js';
import { FrontSheetForm } from './FrontSheetForm.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { PackSafety } from '../recovery/PackSafety.js';
import { DamagedPackRecovery } from '../recovery/DamagedPack.js';
import { useMenuCommand } from '../host/hostEvents.js';
import { useLeaveGuard } from '../common/leaveGuard.js';
import { SaveAsFromMenu } from './SaveAsFromMenu.js';
import { changeStatus, isReadOnlyStatus } from '../../shared/pack/status.js';
import type { FrontSheet, PackStatus } from '../../shared/pack/schema.js';
import { messageOf } from '../common/messageOf.js';
import { StatusControl } from '../library/StatusControl.js';
import { useAuthor } from '../library/useAuthor.js';
import { jumpToSection } from '../library/sectionJump.js';
import { SaveAsTemplateButton } from '../templates/SaveAsTemplateDialog.js';
import { ExportButton } from '../export/ExportButton.js';

/** One pack: its front sheet and sections, saved automatically. */
export function PackScreen(props: { file: string; section?: string; onBack: () => void; onRenamed: (file: string) => void }) {
  const doc = usePackDocument(props.file);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const author = useAuthor();
  const [statusError, setStatusError] = useState<string | null>(null);
  /** Approved packs are read-only until set back to draft; everything editable honours this. */
  const readOnly = doc.pack ? isReadOnlyStatus(doc.pack.frontSheet.status) : false;

  /** Status changes go through the status path so each is recorded with who and when. */
  function setStatus(to: PackStatus) {
    try {
      doc.update((p) => changeStatus(p, to, author));
      setStatusError(null);
      void doc.saveNow();
    } catch (err) {
      setStatusError(messageOf(err));
    }
  }
  function changeFrontSheet(frontSheet: FrontSheet) {
    const current = doc.pack?.frontSheet.status;
    if (current && frontSheet.status !== current) setStatus(frontSheet.status);
    else doc.update((p) => ({ ...p, frontSheet }));
  }

  // Opened from a search result: go to the section that matched, once the pack is showing.
  const loaded = doc.pack !== null;
  useEffect(() => {
    if (loaded && props.section) void jumpToSection(props.section);
  }, [loaded, props.section]);

  async function leave() {
    if (await doc.saveNow()) props.onBack();
    else setConfirmLeave(true);
  }

  // File › Save in the native menu (Electron), whose accelerator takes Ctrl/Cmd+S there.
  useMenuCommand('save', () => void doc.saveNow('explicit'));
  useLeaveGuard(doc.saveNow);

  // Ctrl/Cmd+S saves at once, anywhere on the pack screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void doc.saveNow('explicit');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc.saveNow]);

  if (doc.loadError) {
    return (
      <div className="screen">
        <header className="app-header">
          <button type="button" onClick={props.onBack}>
            ← Library
          </button>
        </header>
        <main className="pack-error">
          <h1>This pack could not be opened</h1>
          <p role="alert">{doc.loadError}</p>
          <p>The file has not been changed.</p>
          <DamagedPackRecovery file={props.file} doc={doc} onOpen={props.onRenamed} />
        </main>
      </div>
    );
  }
  if (!doc.pack) return <p className="muted loading">Opening pack…</p>;
  const pack = doc.pack;

  return (
    <div className="screen">
      <header className="app-header">
        <button type="button" onClick={() => void leave()}>
          ← Library
        </button>
        <h1 className="pack-heading">{pack.frontSheet.title || 'Untitled briefing'}</h1>
        <SaveStatus state={doc.saveState} onRetry={() => void doc.saveNow()} />
        <SaveAsTemplateButton pack={pack} />
        <ExportButton pack={pack} file={props.file} />
        <button type="button" className="primary" onClick={() => void doc.saveNow('explicit')} title="Save (Ctrl+S)" aria-keyshortcuts="Control+S">
          Save
        </button>
      </header>
      <PackSafety doc={doc} file={props.file} onSwitchFile={props.onRenamed} />
      <div className="pack-layout">
        <nav className="outline" aria-labelledby="sections-heading">
          <h2 id="sections-heading">Sections</h2>
          {pack.sections.length === 0 ? (
            <p className="muted">This pack has no sections yet.</p>
          ) : (
            <ol className="section-list">
              {pack.sections.map((section) => {
                const gamechanger = findGamechanger(section.gamechangerId);
                return (
                  <li key={section.id} data-outline-section={section.id}>
                    <span>{section.title || 'Untitled section'}</span>
                    {gamechanger && <span className="badge badge-gamechanger">{gamechanger.shortName}</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </nav>
        <main className="pack-main" key={doc.replacedCount}>
          <StatusControl pack={pack} onChange={setStatus} />
          {statusError && (
            <p role="alert" className="error-banner">
              {statusError}
            </p>
          )}
          <FrontSheetForm sheet={pack.frontSheet} onChange={changeFrontSheet} readOnly={readOnly || doc.readOnly} />
        </main>
      </div>
      <SaveAsFromMenu pack={doc.pack} onSaved={props.onRenamed} />
      {confirmLeave && (
        <ConfirmDialog
          title="Leave without saving?"
          message="Your latest changes could not be saved. If you leave now they will be lost. Stay to try again or to copy your text."
          confirmLabel="Leave anyway"
          danger
          onCancel={() => setConfirmLeave(false)}
          onConfirm={() => {
            setConfirmLeave(false);
            props.onBack();
          }}
        />
      )}
    </div>
  );
}
