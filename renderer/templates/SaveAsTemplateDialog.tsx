import { useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import type { TemplateSummary } from '../../shared/templates/api.js';
import { TEMPLATE_VERSION_PATTERN } from '../../shared/templates/version.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { Dialog } from '../common/Dialog.js';
import './templates.css';

type Stage = { kind: 'form' } | { kind: 'conflict'; existing: TemplateSummary } | { kind: 'done'; message: string };

/**
 * "Save pack as template": the pack's sections, guidance and front-sheet defaults become a
 * template in Your templates, with or without the text as starter content.
 */
export function SaveAsTemplateDialog(props: { pack: Pack; onClose: () => void }) {
  const [name, setName] = useState(props.pack.frontSheet.title || 'My template');
  const [description, setDescription] = useState('');
  const [version, setVersion] = useState('1.0');
  const [includeContent, setIncludeContent] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const versionOk = TEMPLATE_VERSION_PATTERN.test(version.trim());
  const canSave = name.trim() !== '' && versionOk && !working;

  async function save(onConflict: 'ask' | 'replace' | 'keep-both') {
    setWorking(true);
    setError(null);
    try {
      const outcome = await host.saveTemplateFromPack({ pack: props.pack, name: name.trim(), description, version: version.trim(), includeContent, onConflict });
      if (outcome.status === 'conflict') setStage({ kind: 'conflict', existing: outcome.existing });
      else setStage({ kind: 'done', message: `Saved “${outcome.template.name}” (version ${outcome.template.version}) to Your templates. Choose it from New pack on the library screen.` });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setWorking(false);
    }
  }

  if (stage.kind === 'done') {
    return (
      <Dialog
        title="Template saved"
        onCancel={props.onClose}
        actions={
          <button type="button" className="primary" onClick={props.onClose} autoFocus>
            Close
          </button>
        }
      >
        <p role="status">{stage.message}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Save pack as template"
      onCancel={props.onClose}
      actions={
        stage.kind === 'conflict' ? (
          <>
            <button type="button" onClick={() => setStage({ kind: 'form' })}>
              Back
            </button>
            <button type="button" onClick={() => void save('keep-both')} disabled={working}>
              Keep both
            </button>
            <button type="button" className="primary" onClick={() => void save('replace')} disabled={working}>
              Replace it
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" form="save-template-form" className="primary" disabled={!canSave}>
              Save template
            </button>
          </>
        )
      }
    >
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {stage.kind === 'conflict' ? (
        <p role="alert">
          Your templates already have “{stage.existing.name}”, version {stage.existing.version}. Replace it with this pack’s structure, or keep both?
        </p>
      ) : (
        <form
          id="save-template-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void save('ask');
          }}
        >
          <label className="field">
            <span>Template name</span>
            <input autoFocus value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>Description</span>
            <input value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
            <span className="hint">Say when to use it, for example “Quarterly ward briefings for area committees”.</span>
          </label>
          <label className={`field${versionOk ? '' : ' field-invalid'}`}>
            <span>Version</span>
            <input value={version} maxLength={40} onChange={(e) => setVersion(e.target.value)} aria-invalid={!versionOk} />
            {!versionOk && <span className="field-error">Use a version number such as 1.0 or 2.3.1.</span>}
          </label>
          <fieldset className="template-save-kind">
            <legend>What the template keeps</legend>
            <label>
              <input type="radio" name="save-kind" checked={!includeContent} onChange={() => setIncludeContent(false)} />
              <span>Structure and guidance only (sections, guidance, word limits, front-sheet defaults)</span>
            </label>
            <label>
              <input type="radio" name="save-kind" checked={includeContent} onChange={() => setIncludeContent(true)} />
              <span>Also the text, as starter content for new packs</span>
            </label>
          </fieldset>
        </form>
      )}
    </Dialog>
  );
}

/** The pack-screen header button that opens the dialog. */
export function SaveAsTemplateButton(props: { pack: Pack }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Save as template
      </button>
      {open && <SaveAsTemplateDialog pack={props.pack} onClose={() => setOpen(false)} />}
    </>
  );
}
