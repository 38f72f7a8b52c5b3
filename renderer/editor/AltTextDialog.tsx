import { useState } from 'react';
import { Dialog } from '../common/Dialog.js';

/**
 * Asks for a picture's text alternative (at insertion, and later to edit it). Screen-reader
 * users and the exported document's accessibility check both depend on it.
 */
export function AltTextDialog(props: { title: string; initial: string; confirmLabel: string; preview?: string; onConfirm: (alt: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={props.title}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="alt-form" className="primary">
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <form
        id="alt-form"
        onSubmit={(e) => {
          e.preventDefault();
          const alt = value.trim();
          if (!alt) {
            setError('Describe the picture in a few words so people who cannot see it know what it shows.');
            return;
          }
          props.onConfirm(alt);
        }}
      >
        {props.preview && <img className="alt-preview" src={props.preview} alt="" />}
        <label className="field">
          <span>Alternative text</span>
          <textarea
            autoFocus
            rows={3}
            maxLength={500}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby="alt-hint alt-error"
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </label>
        <p id="alt-hint" className="hint muted">
          What does the picture show, and why is it here? For a chart, give the key figure.
        </p>
        <p id="alt-error" className="field-error" role="alert">
          {error}
        </p>
      </form>
    </Dialog>
  );
}
