import { $getSelection } from 'lexical';
import { $findMatchingParent } from '@lexical/utils';
import {
  $getTableNodeFromLexicalNodeOrThrow,
  $isTableCellNode,
  $isTableRowNode,
  $setTableColumnIsHeader,
  $setTableRowIsHeader,
  TableCellHeaderStates,
  type TableCellNode,
} from '@lexical/table';

/*
 * Header rows and columns of the table at the selection. A table pasted from elsewhere or
 * written before header rows existed can be fixed without retyping, so it passes the
 * accessibility check (which wants the first row to be a header row).
 */

/** The table cell the selection starts in, if any. */
function $selectedCell(): TableCellNode | null {
  const node = $getSelection()?.getNodes()[0];
  const cell = node ? ($isTableCellNode(node) ? node : $findMatchingParent(node, $isTableCellNode)) : null;
  return cell && $isTableCellNode(cell) ? cell : null;
}

/**
 * Whether the table the selection is in has a header row (every cell of its first row a
 * header) or a header column (every first cell of a row); null outside a table.
 */
export function $tableHeaders(): { row: boolean; column: boolean } | null {
  const cell = $selectedCell();
  if (!cell) return null;
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  const rows = table.getChildren().filter($isTableRowNode);
  const first = rows[0]?.getChildren().filter($isTableCellNode) ?? [];
  const firsts = rows.map((r) => r.getFirstChild()).filter($isTableCellNode);
  return {
    row: first.length > 0 && first.every((c) => (c.getHeaderStyles() & TableCellHeaderStates.ROW) !== 0),
    column: firsts.length > 0 && firsts.every((c) => (c.getHeaderStyles() & TableCellHeaderStates.COLUMN) !== 0),
  };
}

/** Make the first row (or column) of the table the header, or not: the words stay as they are. */
export function $toggleTableHeader(kind: 'row' | 'column'): boolean {
  const cell = $selectedCell();
  const headers = $tableHeaders();
  if (!cell || !headers) return false;
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  if (kind === 'row') $setTableRowIsHeader(table, 0, !headers.row);
  else $setTableColumnIsHeader(table, 0, !headers.column);
  return true;
}

