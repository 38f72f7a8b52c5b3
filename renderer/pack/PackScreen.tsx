import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Section } from '../../shared/pack/schema.js';
import { newSection } from '../../shared/pack/defaults.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { PromptDialog } from '../common/PromptDialog.js';
import { FRONT_SHEET, SectionOutline } from './outline/SectionOutline.js';
import { sectionWordCounts } from './outline/wordCounts.js';
import { GUIDANCE_PANEL_ID, GuidancePanel } from './GuidancePanel.js';
import { isGuidanceKey, useGuidancePanel } from './useGuidancePanel.js';
import { FRONT_SHEET_ITEM, focusWhenReady, outlineItemSelector, sectionEditorSelector } from './focusTargets.js';
import { readScreenPrefs, rememberSection } from '../common/screenPrefs.js';
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
import type { FrontSheet } from '../../shared/pack/schema.js';
import type { PackStatus } from '../../shared/pack/vocabulary.js';
import { messageOf } from '../common/messageOf.js';
import { StatusControl } from '../library/StatusControl.js';
import { useStatusChange } from '../identity/useStatusChange.js';
import { jumpToSection } from '../library/sectionJump.js';
import { SaveAsTemplateButton } from '../templates/SaveAsTemplateDialog.js';
import { ExportButton } from '../export/ExportButton.js';
import { SectionPane } from './SectionPane.js';
import { LazyPart, lazyPart } from '../common/LazyPart.js';
import { insertIntoSection } from '../import/InsertContentPlugin.js';
import { useFileDrop } from '../import/useFileDrop.js';
import type { ImportCommitResult } from '../../shared/api/contract.js';

const ImportDialog = lazyPart(() => import('../import/ImportDialog.js'), (m) => m.ImportDialog);
const BackFromWordDialog = lazyPart(() => import('../review/BackFromWordDialog.js'), (m) => m.BackFromWordDialog);
import { SectionSettingsDialog } from '../publication/SectionSettingsDialog.js';
import { packParts } from '../../shared/pack/parts.js';
import { SignOffPanel } from '../clearance/SignOffPanel.js';
import { setRequirements } from '../../shared/clearance/editRequirements.js';
import { ApprovalGateDialog } from '../clearance/ApprovalRefused.js';
import { clearanceGate } from '../clearance/approvalGate.js';
import { recordSignOff } from '../../shared/clearance/recordSignOff.js';
import type { ApprovalCheck } from '../../shared/clearance/approval.js';
import { ReviewContext, useReviewState } from '../review/ReviewContext.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { useReviewWiring } from '../review/useReviewWiring.js';
import { FindContext } from '../find/FindContext.js';
import { FindBar } from '../find/FindBar.js';
import { usePackFind } from '../find/usePackFind.js';
import { useWritingZoom, useZoomShortcuts } from '../zoom/useWritingZoom.js';
import { ZoomControl } from '../zoom/ZoomControl.js';
import { ShareWithTeamButton } from '../team/ShareWithTeamButton.js';

/** One pack: its front sheet and sections, saved automatically. */
export function PackScreen(props: { file: string; section?: string; created?: boolean; onBack: () => void; onRenamed: (file: string) => void }) {
  const doc = usePackDocument(props.file);
  const guidance = useGuidancePanel();
  const guidanceButton = useRef<HTMLButtonElement>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  /** Approved packs are read-only until set back to draft; everything editable honours this. */
  const readOnly = doc.pack ? isReadOnlyStatus(doc.pack.frontSheet.status) : false;
  /** Approved, or another person holds the pack (issue 6's lock): nothing can be edited. */
  const editingLocked = readOnly || doc.readOnly;
  const sections = useSections(doc, props.section);
  // Review (comments and suggested changes): the session's review part, its panel and counts.
  const review = doc.session?.review ?? null;
  const reviewIndex = useReviewWiring(review, doc.pack, sections.select);
  const reviewOpen = useReviewState(review, (s) => s.panelOpen, false);
  // Find and replace across the pack (Ctrl/Cmd+F, Ctrl+H), and the writing area's zoom.
  const find = usePackFind({
    pack: doc.pack,
    activeSectionId: sections.active === FRONT_SHEET ? null : sections.active,
    openSection: sections.select,
    update: doc.update,
    editingLocked,
    review,
  });
  const zoom = useWritingZoom();
  useZoomShortcuts(zoom);
  // Insert › Word document (the button, File › Import in the desktop menu, or a file dropped on the pack).
  const [importing, setImporting] = useState<{ file: File | null } | null>(null);
  const [bringingBack, setBringingBack] = useState(false);
  const [importNotice, setImportNotice] = useState<string | null>(null);
  const onDroppedFile = useCallback((file: File) => setImporting({ file }), []);
  useFileDrop(onDroppedFile, importing === null && !editingLocked && doc.pack !== null);
  useMenuCommand('importWord', () => {
    if (!editingLocked) setImporting({ file: null });
  });
  function insertImported(result: ImportCommitResult) {
    setImporting(null);
    if (result.kind === 'sections') {
      if (result.sections.length === 0) return;
      doc.update((p) => ({ ...p, sections: [...p.sections, ...result.sections] }));
      sections.select(result.sections[0]!.id);
      setImportNotice(`Added ${result.sections.length} section${result.sections.length === 1 ? '' : 's'} from the Word document.`);
    } else if (result.kind === 'nodes') {
      setPendingInsert(result.nodes);
    }
  }
  // Content for the open section goes in once the dialog has closed and handed focus back, so
  // the editor keeps the focus after it (and Ctrl+Z at once takes it out again).
  const [pendingInsert, setPendingInsert] = useState<SerializedNodeJson[] | null>(null);
  useEffect(() => {
    if (!pendingInsert || importing) return;
    setPendingInsert(null);
    if (insertIntoSection(sections.active, pendingInsert)) setImportNotice('Inserted the Word document into this section. Undo (Ctrl+Z) takes it out again.');
  }, [pendingInsert, importing, sections.active]);

  /**
   * Status changes go through the status path so each is recorded with who and when; the
   * name is asked for first if settings have none, and approval is confirmed (useStatusChange).
   */
  const statusChange = useStatusChange(doc.pack, (to, author) => {
    try {
      doc.update((p) => changeStatus(p, to, author));
      setStatusError(null);
      void doc.saveNow();
    } catch (err) {
      setStatusError(messageOf(err));
    }
  });
  /** What the clearance gate said about approving, while its dialog is open. */
  const [gate, setGate] = useState<ApprovalCheck | null>(null);
  /**
   * A move to approved asks the clearance gate first (with the editor's latest words handed
   * over): refused, it says why; allowed with warnings, it asks to go on. Then the status path.
   */
  function setStatus(to: PackStatus, gatePassed = false) {
    if (!gatePassed && doc.pack) {
      doc.flushEditors();
      const check = clearanceGate(doc.session?.current ?? doc.pack, to);
      if (check && (!check.allowed || check.warnings.length > 0)) {
        setGate(check);
        return;
      }
    }
    statusChange.request(to);
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
      } else if (isGuidanceKey(event)) {
        event.preventDefault();
        guidance.toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc.saveNow, guidance.toggle]);

  // A pack just made from the New pack dialog: its first field, ready to type the title.
  const createdFocus = useRef(props.created === true);
  useEffect(() => {
    if (loaded && createdFocus.current) {
      createdFocus.current = false;
      focusWhenReady('.front-sheet input:not([disabled])');
    }
  }, [loaded]);

  const closeGuidanceOverlay = useCallback(() => {
    guidance.closeOverlay();
    guidanceButton.current?.focus();
  }, [guidance.closeOverlay]);

  if (doc.loadError) {
    return (
      <div className="screen pack-screen">
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
  const activeSection = pack.sections.find((s) => s.id === sections.active);
  const title = pack.frontSheet.title || 'Untitled briefing';
  const guidanceShown = activeSection !== undefined && guidance.shown;
  const layoutClass = ['pack-layout', guidanceShown && !guidance.narrow ? 'with-guidance' : '', guidance.narrow ? 'is-narrow' : ''].filter(Boolean).join(' ');

  return (
    <div className="screen pack-screen">
      <header className="app-header pack-header">
        <button type="button" onClick={() => void leave()}>
          ← Library
        </button>
        {/* One line, cut with an ellipsis when long; the whole title is its tooltip and is read out in full. */}
        <h1 className="pack-heading" title={title}>
          {title}
        </h1>
        <SaveStatus state={doc.saveState} onRetry={() => void doc.saveNow()} />
        <button
          ref={guidanceButton}
          type="button"
          className="guidance-toggle"
          disabled={!activeSection}
          onClick={guidance.toggle}
          title="Hide or show the guidance (Ctrl+Alt+G)"
          aria-keyshortcuts="Control+Alt+G"
          {...(guidance.narrow ? { 'aria-expanded': guidanceShown, 'aria-controls': guidanceShown ? GUIDANCE_PANEL_ID : undefined } : { 'aria-pressed': guidanceShown })}
        >
          Guidance
        </button>
        <button
          type="button"
          aria-pressed={reviewOpen}
          onClick={() => review?.setPanelOpen(!reviewOpen)}
          aria-label={`Review: ${reviewIndex.open} open comment${reviewIndex.open === 1 ? '' : 's'} and change${reviewIndex.open === 1 ? '' : 's'}`}
          data-testid="review-toggle"
        >
          Review <span className="review-count" aria-hidden="true">{reviewIndex.open}</span>
        </button>
        <button type="button" className="primary" onClick={() => void doc.saveNow('explicit')} title="Save (Ctrl+S)" aria-keyshortcuts="Control+S">
          Save
        </button>
      </header>
      {/* The pack's other actions and its safety messages: a second fixed row under the header. */}
      <div className="pack-bar">
        <div className="pack-actions">
          <button type="button" disabled={editingLocked} onClick={() => setImporting({ file: null })}>
            Insert Word document…
          </button>
          <SaveAsTemplateButton pack={pack} />
          <ExportButton pack={pack} file={props.file} />
          <button type="button" disabled={editingLocked || !doc.session} onClick={() => setBringingBack(true)}>
            Back from Word…
          </button>
          <ShareWithTeamButton file={props.file} title={pack.frontSheet.title} disabled={!doc.session} saveFirst={() => doc.saveNow('explicit')} />
        </div>
        <PackSafety doc={doc} file={props.file} onSwitchFile={props.onRenamed} />
      </div>
      <FindBar find={find} />
      <FindContext.Provider value={find}>
      <ReviewContext.Provider value={review}>
      <div className={reviewOpen ? `${layoutClass.replace(' with-guidance', '')} with-review` : layoutClass}>
        <SectionOutline
          sections={pack.sections}
          counts={sections.counts}
          reviewCounts={reviewIndex.openBySection}
          active={sections.active}
          onSelect={sections.open}
          onAdd={() => sections.setDialog({ kind: 'add' })}
          onRename={(id) => sections.setDialog({ kind: 'rename', id })}
          onMove={sections.move}
          onRemove={(id) => sections.setDialog({ kind: 'remove', id })}
          onSettings={(id) => sections.setDialog({ kind: 'settings', id })}
          readOnly={editingLocked}
        />
        <main className="pack-main" key={doc.replacedCount} style={{ '--writing-zoom': zoom.zoom / 100 } as CSSProperties}>
          <StatusControl pack={pack} onChange={(to) => void setStatus(to)} />
          <SignOffPanel pack={pack} readOnly={editingLocked} beforeRecord={doc.flushEditors} onRecord={(input) => {
            doc.flushEditors();
            doc.update((p) => recordSignOff(p, input));
            void doc.saveNow();
          }} onChangeList={(list) => {
            doc.update((p) => setRequirements(p, list));
            void doc.saveNow();
          }} />
          {statusError && (
            <p role="alert" className="error-banner">
              {statusError}
            </p>
          )}
          {importNotice && (
            <p className="notice section-notice" role="status">
              {importNotice}
            </p>
          )}
          {sections.removed && (
            <p className="notice section-notice" role="status">
              Removed “{sections.removed.section.title || 'Untitled section'}”.{' '}
              <button type="button" className="link-button" onClick={sections.undoRemove}>
                Undo
              </button>
            </p>
          )}
          {activeSection ? (
            <SectionPane
              section={activeSection}
              words={sections.counts.get(activeSection.id) ?? 0}
              registerFlush={doc.registerFlush}
              onDirty={doc.markDirty}
              onCommit={sections.commit}
              onWordCount={sections.setLiveCount}
              readOnly={editingLocked}
              zoomControl={<ZoomControl zoom={zoom.zoom} onZoom={zoom.setZoom} onIn={zoom.zoomIn} onOut={zoom.zoomOut} />}
            />
          ) : (
            <FrontSheetForm sheet={pack.frontSheet} sections={pack.sections} onChange={changeFrontSheet} readOnly={editingLocked} />
          )}
        </main>
        {reviewOpen && review ? (
          <ReviewPanel review={review} pack={pack} activeSection={activeSection?.id ?? null} readOnly={editingLocked} />
        ) : (
          activeSection && guidanceShown && <GuidancePanel section={activeSection} overlay={guidance.narrow} onClose={closeGuidanceOverlay} />
        )}
      </div>
      </ReviewContext.Provider>
      </FindContext.Provider>
      <SectionDialogs sections={sections} all={pack.sections} />
      {statusChange.dialogs}
      {importing && (
        <LazyPart>
          <ImportDialog mode={{ kind: 'open-pack', currentSection: activeSection ? activeSection.title || 'Untitled section' : null }} file={importing.file} onCancel={() => setImporting(null)} onDone={insertImported} />
        </LazyPart>
      )}
      {bringingBack && doc.session && (
        <LazyPart>
          <BackFromWordDialog
            session={doc.session}
            onClose={() => setBringingBack(false)}
            onShowReview={() => {
              setBringingBack(false);
              review?.setPanelOpen(true);
            }}
          />
        </LazyPart>
      )}
      <SaveAsFromMenu pack={doc.pack} onSaved={props.onRenamed} />
      {gate && (
        <ApprovalGateDialog
          check={gate}
          onCancel={() => setGate(null)}
          onApprove={() => {
            setGate(null);
            void setStatus('approved', true);
          }}
        />
      )}
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

type SectionDialog = { kind: 'add' } | { kind: 'rename'; id: string } | { kind: 'remove'; id: string } | { kind: 'settings'; id: string } | null;

function readSectionParam(): string {
  return new URLSearchParams(window.location.search).get('section') ?? FRONT_SHEET;
}

/**
 * The sections part of the pack screen: which section is open (kept in the URL so a reload
 * returns to it), live word counts, and add / rename / move / remove with undo.
 */
function useSections(doc: ReturnType<typeof usePackDocument>, initialSection: string | undefined) {
  const [active, setActive] = useState<string>(() => initialSection ?? readSectionParam());
  const [live, setLive] = useState<Record<string, number>>({});
  const [dialog, setDialog] = useState<SectionDialog>(null);
  const [removed, setRemoved] = useState<{ section: Section; index: number } | null>(null);
  const { update, saveNow, flushEditors } = doc;
  const packSections = doc.pack?.sections;

  // A section id from the URL that is not in this pack (another pack's) opens the front sheet.
  const current = active === FRONT_SHEET || !packSections || packSections.some((s) => s.id === active) ? active : FRONT_SHEET;

  useEffect(() => {
    const url = new URL(window.location.href);
    if (current === FRONT_SHEET) url.searchParams.delete('section');
    else url.searchParams.set('section', current);
    // Not when nothing changes (opening at the URL's section): each call costs several ms.
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }, [current]);

  const select = useCallback(
    (id: string) => {
      // Leaving a section saves it (saveNow first hands over the editor's content).
      void saveNow();
      setActive(id);
    },
    [saveNow],
  );

  /** Chosen in the outline (click or Enter): open it with the caret in its text, as Word's navigation pane does. */
  const open = useCallback(
    (id: string) => {
      select(id);
      focusWhenReady(id === FRONT_SHEET ? '.front-sheet input:not([disabled])' : sectionEditorSelector(id));
    },
    [select],
  );

  // Opened from the library with no section asked for: back where this pack was last worked on
  // (remembered in the settings), unless the user has already chosen somewhere else.
  const packId = doc.pack?.id;
  const choseSomewhere = useRef(initialSection !== undefined || readSectionParam() !== FRONT_SHEET);
  useEffect(() => {
    if (!packId || choseSomewhere.current) return;
    choseSomewhere.current = true;
    let live = true;
    void readScreenPrefs().then((prefs) => {
      const last = prefs.lastSections[packId];
      if (live && last && packSectionsRef.current?.some((s) => s.id === last)) setActive((now) => (now === FRONT_SHEET ? last : now));
    });
    return () => {
      live = false;
    };
  }, [packId]);
  const packSectionsRef = useRef(packSections);
  packSectionsRef.current = packSections;
  useEffect(() => {
    if (packId && current !== FRONT_SHEET) {
      choseSomewhere.current = true;
      void rememberSection(packId, current);
    }
  }, [packId, current]);

  const commitContent = useCallback(
    (sectionId: string, content: SerializedEditorStateJson) =>
      update((pack) => {
        if (!pack.sections.some((s) => s.id === sectionId)) return pack;
        return { ...pack, sections: pack.sections.map((s) => (s.id === sectionId ? { ...s, content } : s)) };
      }),
    [update],
  );

  // An editor of a pack that has since been replaced (reload from disk, restore) must not
  // write its old text into the new pack when it unmounts.
  const generation = useRef(doc.replacedCount);
  generation.current = doc.replacedCount;
  const commit = useMemo(() => {
    const mine = doc.replacedCount;
    return (sectionId: string, content: SerializedEditorStateJson) => {
      if (mine !== generation.current) return;
      commitContent(sectionId, content);
    };
  }, [doc.replacedCount, commitContent]);

  // Live counts belong to the editors of the pack as it was: start again after a replace.
  useEffect(() => setLive((prev) => (Object.keys(prev).length ? {} : prev)), [doc.replacedCount]);

  const setLiveCount = useCallback((sectionId: string, words: number) => setLive((prev) => (prev[sectionId] === words ? prev : { ...prev, [sectionId]: words })), []);

  const move = useCallback(
    (id: string, by: -1 | 1) => {
      const focused = document.activeElement as HTMLElement | null;
      update((pack) => {
        const index = pack.sections.findIndex((s) => s.id === id);
        const target = index + by;
        if (index < 0 || target < 0 || target >= pack.sections.length) return pack;
        const next = [...pack.sections];
        [next[index], next[target]] = [next[target]!, next[index]!];
        return { ...pack, sections: next };
      });
      // Reordering moves DOM nodes, which can drop focus: give it back to the same control.
      requestAnimationFrame(() => {
        if (focused?.isConnected && document.activeElement !== focused) focused.focus();
      });
    },
    [update],
  );

  const add = (title: string) => {
    const section = newSection(title);
    update((pack) => ({ ...pack, sections: [...pack.sections, section] }));
    open(section.id);
  };

  const rename = (id: string, title: string) => update((pack) => ({ ...pack, sections: pack.sections.map((s) => (s.id === id ? { ...s, title } : s)) }));

  /** Body or appendix, exempt or not (absent fields mean body and public, as in the format). */
  const configure = (id: string, settings: { kind: 'body' | 'appendix'; exempt: Section['exempt'] }) =>
    update((pack) => ({
      ...pack,
      sections: pack.sections.map((s) => {
        if (s.id !== id) return s;
        const { kind: _k, exempt: _e, ...rest } = s;
        return { ...rest, ...(settings.kind === 'appendix' ? { kind: 'appendix' as const } : {}), ...(settings.exempt ? { exempt: settings.exempt } : {}) };
      }),
    }));

  const remove = (id: string) => {
    // Take the editor's latest words first, so Undo brings back everything.
    flushEditors();
    const list = packSections ?? [];
    const index = list.findIndex((s) => s.id === id);
    update((pack) => {
      const at = pack.sections.findIndex((s) => s.id === id);
      if (at < 0) return pack;
      setRemoved({ section: pack.sections[at]!, index: at });
      return { ...pack, sections: pack.sections.filter((s) => s.id !== id) };
    });
    if (active === id) setActive(FRONT_SHEET);
    // Focus goes to the next section in the outline (the one before it if it was the last).
    const next = list[index + 1] ?? list[index - 1];
    focusWhenReady(next ? outlineItemSelector(next.id) : FRONT_SHEET_ITEM);
  };

  const undoRemove = () => {
    if (!removed) return;
    const { section, index } = removed;
    update((pack) => {
      const next = [...pack.sections];
      next.splice(Math.min(index, next.length), 0, section);
      return { ...pack, sections: next };
    });
    setRemoved(null);
    setActive(section.id);
    focusWhenReady(outlineItemSelector(section.id));
  };

  // Counting 50,000 words takes tens of milliseconds: let the section appear (first paint)
  // with only the open section counted, count the rest after it, and count later changes in
  // a background render. Sections not counted yet show no number (not a false 0).
  const [firstPaintDone, setFirstPaintDone] = useState(false);
  const loaded = packSections !== undefined;
  useEffect(() => {
    if (!loaded || firstPaintDone) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setFirstPaintDone(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [loaded, firstPaintDone]);
  const deferredSections = useDeferredValue(packSections, undefined);
  const openSection = packSections?.find((s) => s.id === current);
  const counted = firstPaintDone ? deferredSections : openSection && [openSection];
  const counts = useMemo(() => sectionWordCounts(counted ?? [], live), [counted, live]);

  return { active: current, counts, select, open, commit, setLiveCount, move, add, rename, configure, remove, undoRemove, removed, dialog, setDialog };
}

function SectionDialogs(props: { sections: ReturnType<typeof useSections>; all: Section[] }) {
  const { dialog, setDialog } = props.sections;
  if (!dialog) return null;
  const close = () => setDialog(null);
  if (dialog.kind === 'add') {
    return (
      <PromptDialog
        title="Add a section"
        label="Section title"
        initial=""
        confirmLabel="Add section"
        onCancel={close}
        onConfirm={(title) => {
          close();
          props.sections.add(title);
        }}
      />
    );
  }
  const section = props.all.find((s) => s.id === dialog.id);
  if (!section) return null;
  if (dialog.kind === 'settings') {
    const label = packParts(props.all).find((p) => p.sectionId === section.id)?.label ?? '';
    return (
      <SectionSettingsDialog
        section={section}
        label={label}
        onCancel={close}
        onSave={(settings) => {
          close();
          props.sections.configure(section.id, settings);
        }}
      />
    );
  }
  if (dialog.kind === 'rename') {
    return (
      <PromptDialog
        title="Rename section"
        label="Section title"
        initial={section.title}
        confirmLabel="Rename"
        onCancel={close}
        onConfirm={(title) => {
          close();
          props.sections.rename(section.id, title);
        }}
      />
    );
  }
  return (
    <ConfirmDialog
      title="Remove this section?"
      message={`“${section.title || 'Untitled section'}” and everything written in it will be removed from the pack. You can undo this straight afterwards.`}
      confirmLabel="Remove section"
      danger
      onCancel={close}
      onConfirm={() => {
        close();
        props.sections.remove(section.id);
      }}
    />
  );
}
