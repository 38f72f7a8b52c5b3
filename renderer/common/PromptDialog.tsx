import { useState } from 'react';
import { Dialog } from './Dialog.js';

/** Ask for one line of text (a new title); Enter confirms, Escape cancels. */
export function PromptDialog(props: { title: string; label: string; initial: string; confirmLabel: string; onConfirm: (value: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(props.initial);
  const trimmed = value.trim();
  return (
    <Dialog
      title={props.title}
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="prompt-form" className="primary" disabled={!trimmed}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <form
        id="prompt-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) props.onConfirm(trimmed);
        }}
      >
        <label className="field">
          <span>{props.label}</span>
          <input autoFocus value={value} maxLength={300} onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
      </form>
    </Dialog>
  );
}
