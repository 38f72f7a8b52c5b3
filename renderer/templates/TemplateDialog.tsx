import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog>, like common/Dialog, but labelled by its own generated id
 * so it can sit beside other dialogs, and wide enough for the gallery.
 */
export function TemplateDialog(props: { title: string; children: ReactNode; onCancel: () => void; actions: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${props.className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <div className="dialog-actions">{props.actions}</div>
    </dialog>
  );
}
