import { Dialog } from './Dialog.js';

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog
      title={props.title}
      onCancel={props.onCancel}
      describedBy="confirm-message"
      actions={
        <>
          <button type="button" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <p id="confirm-message">{props.message}</p>
    </Dialog>
  );
}
