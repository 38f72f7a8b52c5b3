import { TeamServerSettings } from '../team/TeamServerSettings.js';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo, SettingsState } from '../../shared/api/contract.js';
import type { SettingsPatch } from '../../shared/api/settings.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { extraSettingGroups, settingsProblems, toPatch, type ExtraField, type SettingsForm } from './settingsFields.js';
import { ChooseFolderButton } from '../common/ChooseFolderButton.js';

/**
 * Settings: where packs and shared templates live, and who the author is (recorded on
 * status changes and in document properties). Sections for settings added by other parts
 * of the app (branding, history) appear when those settings exist.
 */
export function SettingsScreen(props: { onBack: () => void }) {
  const [state, setState] = useState<SettingsState | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [form, setForm] = useState<SettingsForm>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const groups = extraSettingGroups();

  useEffect(() => {
    Promise.all([host.getSettingsState({}), host.getAppInfo({})]).then(
      ([s, i]) => {
        setState(s);
        setInfo(i);
        setForm({ ...(s.settings as SettingsForm) });
      },
      (err: unknown) => setLoadError(messageOf(err)),
    );
  }, []);

  const problems = settingsProblems(form);
  const shown = (key: string) => (tried ? problems[key] : undefined);
  const set = (key: string, value: SettingsForm[string]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
  };

  async function save() {
    setTried(true);
    if (Object.keys(problems).length > 0) {
      setSaveError('Some settings need correcting before they can be saved.');
      return;
    }
    try {
      const next = await host.updateSettings(toPatch(form) as SettingsPatch);
      setState((s) => (s ? { ...s, settings: next, notice: null } : s));
      setForm({ ...(next as SettingsForm) });
      setSaveError(null);
      setSaved('Settings saved.');
    } catch (err) {
      setSaveError(messageOf(err));
    }
  }

  const overridden = info && state && info.workspaceDir !== state.settings.workspaceDir;
  return (
    <div className="screen">
      <header className="app-header">
        <button type="button" onClick={props.onBack}>
          ← Library
        </button>
        <h1 className="pack-heading">Settings</h1>
      </header>
      <main className="settings" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="visually-hidden">
          Settings
        </h2>
        {loadError && (
          <p role="alert" className="error-banner">
            {loadError}
          </p>
        )}
        {state?.notice && (
          <p role="alert" className="error-banner" data-testid="settings-notice">
            {state.notice}
          </p>
        )}
        {!state && !loadError && <p className="muted">Loading settings…</p>}
        {state && (
          <form
            className="settings-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <fieldset className="group">
              <legend>Folders</legend>
              <TextSetting label="Workspace folder" hint="The folder holding your .briefing packs. Use the full path." error={shown('workspaceDir')} value={String(form.workspaceDir ?? '')} onChange={(v) => set('workspaceDir', v)} />
              <ChooseFolderButton purpose="workspace" current={String(form.workspaceDir ?? '')} onChosen={(folder) => set('workspaceDir', folder)} />
              {overridden && (
                <p className="muted" data-testid="workspace-override">
                  This window is using {info.workspaceDir}, given when the app was started. The folder above is used when it starts without one.
                </p>
              )}
              <TextSetting label="Shared templates folder" hint="Optional: a shared folder of .briefing-template files for your team." error={shown('sharedTemplatesDir')} value={String(form.sharedTemplatesDir ?? '')} onChange={(v) => set('sharedTemplatesDir', v)} />
              <ChooseFolderButton purpose="sharedTemplates" current={String(form.sharedTemplatesDir ?? '')} onChosen={(folder) => set('sharedTemplatesDir', folder)} />
            </fieldset>
            <fieldset className="group">
              <legend>Author</legend>
              <p className="hint">Recorded when you change a pack’s status and in the properties of exported documents.</p>
              <TextSetting label="Your name" autoComplete="name" error={shown('authorName')} value={String(form.authorName ?? '')} onChange={(v) => set('authorName', v)} />
              <TextSetting label="Your role" hint="For example: Policy officer" autoComplete="organization-title" error={shown('authorRole')} value={String(form.authorRole ?? '')} onChange={(v) => set('authorRole', v)} />
            </fieldset>
            {groups.map((group) => (
              <fieldset key={group.id} className="group" data-testid={`settings-${group.id}`}>
                <legend>{group.title}</legend>
                {group.fields.map((field) => (
                  <ExtraSetting key={field.key} field={field} value={form[field.key]} error={shown(field.key)} onChange={(v) => set(field.key, v)} />
                ))}
              </fieldset>
            ))}
            <div className="settings-actions">
              <button type="submit" className="primary">
                Save settings
              </button>
              <span role="status" aria-live="polite" className="save-status">
                {saved}
              </span>
            </div>
            {saveError && (
              <p role="alert" className="error-banner">
                {saveError}
              </p>
            )}
            <p className="muted settings-file">Settings are stored in {state.file}</p>
          </form>
        )}
        {state && <TeamServerSettings />}
      </main>
    </div>
  );
}

function Labelled(props: { id: string; label: string; hint?: string; error?: string; children: (p: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span id={`${props.id}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${props.id}-error`} className="field-error">
          {props.error}
        </span>
      )}
      {props.children({ id: props.id, 'aria-describedby': described, 'aria-invalid': props.error ? true : undefined })}
    </div>
  );
}

function idFor(label: string): string {
  return `setting-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function TextSetting(props: { label: string; hint?: string; error?: string; value: string; autoComplete?: string; onChange: (value: string) => void }) {
  return (
    <Labelled id={idFor(props.label)} label={props.label} hint={props.hint} error={props.error}>
      {(p) => <input {...p} type="text" value={props.value} autoComplete={props.autoComplete ?? 'off'} spellCheck={false} onChange={(e) => props.onChange(e.target.value)} />}
    </Labelled>
  );
}

function ExtraSetting(props: { field: ExtraField; value: SettingsForm[string]; error?: string; onChange: (value: SettingsForm[string]) => void }) {
  const { field } = props;
  if (field.kind === 'boolean') {
    return (
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={props.value === true} onChange={(e) => props.onChange(e.target.checked)} /> {field.label}
        </label>
        {field.description && <span className="hint">{field.description}</span>}
      </div>
    );
  }
  return (
    <Labelled id={idFor(field.key)} label={field.label} hint={field.description} error={props.error}>
      {(p) =>
        field.kind === 'choice' ? (
          <select {...p} value={String(props.value ?? '')} onChange={(e) => props.onChange(e.target.value)}>
            {props.value === undefined && <option value="">Not set</option>}
            {field.choices!.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ) : field.kind === 'number' ? (
          <input {...p} type="number" min={field.min} max={field.max} value={props.value === undefined ? '' : String(props.value)} onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
        ) : (
          <input {...p} type="text" value={String(props.value ?? '')} onChange={(e) => props.onChange(e.target.value)} />
        )
      }
    </Labelled>
  );
}
