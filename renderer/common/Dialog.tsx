import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus is trapped by the browser, Escape
 * cancels, and screen readers announce it with its title (labelled by a generated id, so two
 * dialogs can be open at once).
 *
 * Focus goes back to what opened it when it closes (confirm, cancel or Escape). The browser
 * does that in close(), but only while the dialog is still in the document: so it is closed in
 * a layout-effect cleanup (which React runs before it removes the element), and if focus still
 * ends up on nothing (the opener went away meanwhile) the opener is focused again when it is
 * there. An action that makes something new (a section, a pack) moves focus there afterwards.
 */
export function Dialog(props: { title: string; children: ReactNode; onCancel: () => void; actions: ReactNode; describedBy?: string; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // What had focus before the dialog: read while rendering, because a field with autoFocus
  // inside the dialog takes focus before any effect runs (and showModal would remember it).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body || dialog?.contains(now))) opener.focus();
    };
  }, [opener]);
  return (
    <dialog
      ref={ref}
      className={props.className ? `dialog ${props.className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
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
