/**
 * A table that becomes labelled cards below 40rem (WCAG 1.4.10: no sideways scrolling on a
 * phone), as the day's schedule does: each cell carries its column's name in `data-label`, which
 * the stylesheet's `.card-table` rules show before the cell's content. Rows are arrays of cells in
 * the columns' order; an empty cell is left out of its card.
 */
import type { Child } from 'hono/jsx';

export function CardTable({
  columns,
  rows,
  class: className,
}: {
  columns: string[];
  rows: Child[][];
  /** More classes for the table (the card layout's own is always there). */
  class?: string;
}) {
  return (
    <table class={className ? `card-table ${className}` : 'card-table'}>
      <thead>
        <tr>
          {columns.map((col) => (
            <th scope="col">{col}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells) => (
          <tr>
            {cells.map((cell, i) => (
              <td data-label={columns[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
