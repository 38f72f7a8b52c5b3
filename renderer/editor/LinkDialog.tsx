import { useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { checkLinkUrl } from './urls.js';

/**
 * Insert or edit a link. Only http, https and mailto addresses are accepted; anything else
 * (javascript:, file:, …) is refused with the reason shown, and the dialog stays open.
 */
export function LinkDialog(props: { initialUrl: string; askText: boolean; editing: boolean; onConfirm: (url: string, text: string) => void; onCancel: () => void }) {
  const [url, setUrl] = useState(props.initialUrl);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={props.editing ? 'Edit link' : 'Insert link'}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="link-form" className="primary">
            {props.editing ? 'Update link' : 'Insert link'}
          </button>
        </>
      }
    >
      <form
        id="link-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const checked = checkLinkUrl(url);
          if (!checked.ok) {
            setError(checked.message);
            return;
          }
          props.onConfirm(checked.url, text.trim() || checked.url.replace(/^mailto:/, ''));
        }}
      >
        <label className="field">
          <span>Web address or email</span>
          <input
            autoFocus
            value={url}
            inputMode="url"
            placeholder="https://www.gov.uk/…"
            aria-invalid={error ? true : undefined}
            aria-describedby="link-error"
            onChange={(e) => {
              setUrl(e.target.value);
              setError(null);
            }}
          />
        </label>
        {props.askText && (
          <label className="field">
            <span>Text to show</span>
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        <p id="link-error" className="field-error" role="alert">
          {error}
        </p>
      </form>
    </Dialog>
  );
}
