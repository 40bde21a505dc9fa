import type { ReactNode } from 'react';

/**
 * A plain, accessible table that scrolls sideways inside itself on narrow screens; from laptop
 * width up its cells wrap instead, so no column is cut off behind a scroll bar.
 */
export function DataTable({
  caption,
  headers,
  rows,
  empty,
  testId,
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  empty: string;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white" data-testid={testId} tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-max border-collapse text-left text-sm lg:min-w-0">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold text-slate-800">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className="px-3 py-4 text-slate-700">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, i) => (
              <tr key={i} className="border-t border-slate-200">
                {cells.map((cell, j) => (
                  <td key={j} className="px-3 py-2 align-top break-words text-slate-900">
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
