import { useState } from 'react';
import { Dialog } from '../common/Dialog.js';

export const MAX_TABLE_ROWS = 50;
export const MAX_TABLE_COLUMNS = 10;

/** Choose a new table's size; the first row is a header row (good for screen readers). */
export function TableDialog(props: { onConfirm: (rows: number, columns: number) => void; onCancel: () => void }) {
  const [rows, setRows] = useState('3');
  const [columns, setColumns] = useState('3');
  const r = Number(rows);
  const c = Number(columns);
  const valid = Number.isInteger(r) && Number.isInteger(c) && r >= 1 && c >= 1 && r <= MAX_TABLE_ROWS && c <= MAX_TABLE_COLUMNS;
  return (
    <Dialog
      title="Insert table"
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" form="table-form" className="primary" disabled={!valid}>
            Insert table
          </button>
        </>
      }
    >
      <form
        id="table-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) props.onConfirm(r, c);
        }}
      >
        <div className="field-row">
          <label className="field">
            <span>Rows</span>
            <input autoFocus type="number" min={1} max={MAX_TABLE_ROWS} value={rows} onChange={(e) => setRows(e.target.value)} />
          </label>
          <label className="field">
            <span>Columns</span>
            <input type="number" min={1} max={MAX_TABLE_COLUMNS} value={columns} onChange={(e) => setColumns(e.target.value)} />
          </label>
        </div>
        <p className="hint muted">
          The first row is the header row. Up to {MAX_TABLE_ROWS} rows and {MAX_TABLE_COLUMNS} columns; you can add or remove rows and columns later.
        </p>
      </form>
    </Dialog>
  );
}
