import { useState } from 'react';
import type { TemplateSourceStatus } from '../../shared/templates/api.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { ChooseFolderButton } from '../common/ChooseFolderButton.js';

/** The shared templates folder setting, shown where its templates are: set, change or clear it. */
export function SharedFolderSetting(props: { status: TemplateSourceStatus | undefined; onChanged: () => void }) {
  const dir = props.status?.dir ?? '';
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(dir);
  const [error, setError] = useState<string | null>(null);

  async function save(next: string) {
    try {
      await host.updateSettings({ sharedTemplatesDir: next.trim() });
      setEditing(false);
      setError(null);
      props.onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  if (editing) {
    return (
      <form
        className="shared-folder-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(value);
        }}
      >
        <label className="field">
          <span>Shared templates folder</span>
          <input value={value} onChange={(e) => setValue(e.target.value)} placeholder="For example S:\Policy\Briefing templates" maxLength={1000} autoFocus />
          <span className="hint">The full path of a folder on a network drive. Leave it empty to stop using one.</span>
        </label>
        <ChooseFolderButton purpose="sharedTemplates" current={value} onChosen={setValue} />
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Use this folder
        </button>{' '}
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <p className="shared-folder small">
      {dir ? <span className="shared-folder-path">{dir}</span> : <span className="muted">No shared folder is set.</span>}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setValue(dir);
          setEditing(true);
        }}
      >
        {dir ? 'Change folder' : 'Set folder'}
      </button>
    </p>
  );
}
