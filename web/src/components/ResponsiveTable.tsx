import type { ReactNode } from 'react';
import { Empty } from './states';

/** A column: its header also labels each cell on a phone, where a row stacks its cells beside their labels. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  className?: (row: Row) => string | undefined;
  /** The cell names its row (`<th scope="row">`) and stands as the row's title on a phone. */
  rowHeader?: boolean;
}

/** `data-*` attributes of a row (test ids, states a test or a style reads). */
type DataAttributes = Record<`data-${string}`, string | number | boolean | undefined>;

interface Props<Row> {
  caption: string;
  /** For screen readers only, when the page heading already says what the table is. */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  rowData?: (row: Row) => DataAttributes;
  testId?: string;
  /** Said instead of the table when there are no rows (the empty state); without it an empty table is drawn. */
  empty?: ReactNode;
}

/** Every list table of the storefront: columns declared once, so a header and its phone label cannot drift apart. */
export function ResponsiveTable<Row>({ caption, captionHidden, columns, rows, rowKey, rowData, testId, empty }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return (
      <Empty>
        <p>{empty}</p>
      </Empty>
    );
  }
  return (
    <table className="summary responsive" data-testid={testId}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowData?.(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.header} scope="row" className={column.className?.(row)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} data-label={column.header} className={column.className?.(row)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
