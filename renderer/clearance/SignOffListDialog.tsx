import { useEffect, useRef, useState } from 'react';
import type { SignOffRequirement } from '../../shared/clearance/schema.js';
import { KIND_LABELS, MAX_REQUIREMENTS, requirementsProblem, type RequirementDraft } from '../../shared/clearance/editRequirements.js';
import { SIGN_OFF_KINDS, STANDARD_SIGN_OFFS, type SignOffKind } from '../../shared/clearance/vocabulary.js';
import { Dialog } from '../common/Dialog.js';

/**
 * Change which sign-offs the pack needs: add, rename, reorder, make optional, remove. Saved as
 * a template, the pack carries the list to every pack made from it, which is how template
 * owners set their council's clearance. Nothing changes until Save.
 */
export function SignOffListDialog(props: { required: readonly SignOffRequirement[]; onCancel: () => void; onSave: (list: RequirementDraft[]) => void }) {
  const [list, setList] = useState<RequirementDraft[]>(() => props.required.map((r) => ({ ...r })));
  const [error, setError] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const rows = useRef<Array<HTMLInputElement | null>>([]);
  useEffect(() => {
    if (focusRow !== null) rows.current[focusRow]?.focus();
  }, [focusRow, list.length]);

  // Any change clears the last error: it may no longer be true.
  const edit = (next: (l: RequirementDraft[]) => RequirementDraft[]) => {
    setError(null);
    setList(next);
  };
  const change = (i: number, patch: Partial<RequirementDraft>) => edit((l) => l.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) =>
    edit((l) => {
      const next = [...l];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row!);
      return next;
    });
  const add = () => {
    edit((l) => [...l, { kind: 'other', title: '', required: true }]);
    setFocusRow(list.length);
  };
  const save = () => {
    const problem = requirementsProblem(list);
    if (!problem) return props.onSave(list);
    setError(problem.message);
    // The field to put right has the focus, as a form's first error does.
    if (problem.row >= 0) rows.current[problem.row]?.focus();
  };

  return (
    <Dialog
      title="Sign-offs this pack needs"
      className="sign-off-list-dialog"
      describedBy="sign-off-list-why"
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={save}>
            Save sign-offs
          </button>
        </>
      }
    >
      <p id="sign-off-list-why" className="muted small">
        Approval waits for every required sign-off. Saved as a template (Save as template), the pack passes this list to every pack made from it.
      </p>
      {list.length === 0 && <p>No sign-offs: the pack can be approved without any.</p>}
      <ol className="sign-off-edit-list">
        {list.map((r, i) => {
          const name = r.title.trim() || `sign-off ${i + 1}`;
          return (
            <li key={r.id ?? `new-${i}`} className="sign-off-edit">
              <label className="field">
                <span>Name</span>
                <input
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  aria-label={`Name of sign-off ${i + 1}`}
                  value={r.title}
                  maxLength={200}
                  onChange={(e) => change(i, { title: e.target.value })}
                  placeholder="For example: Chief Finance Officer (s151)"
                />
              </label>
              <label className="field">
                <span>Kind</span>
                <select aria-label={`Kind of sign-off ${i + 1}`} value={r.kind} onChange={(e) => change(i, { kind: e.target.value as SignOffKind })}>
                  {SIGN_OFF_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <div className="sign-off-edit-controls">
              <label className="sign-off-required">
                <input type="checkbox" aria-label={`Required for approval: ${name}`} checked={r.required} onChange={(e) => change(i, { required: e.target.checked })} /> Required for approval
              </label>
              <span className="sign-off-edit-buttons">
                <button type="button" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${name} down`} disabled={i === list.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="danger-text" aria-label={`Remove ${name}`} onClick={() => edit((l) => l.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </span>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="sign-off-edit-more">
        <button type="button" onClick={add} disabled={list.length >= MAX_REQUIREMENTS}>
          + Add a sign-off
        </button>{' '}
        {list.length === 0 && (
          <button type="button" onClick={() => edit(() => STANDARD_SIGN_OFFS.map((s) => ({ ...s })))}>
            Use the usual four
          </button>
        )}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
