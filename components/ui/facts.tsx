import clsx from 'clsx';
import type { ReactNode } from 'react';

/** Label and value pairs: side by side where there is room, stacked on a phone and a 58 mm receipt. */
export function Facts({ rows, testId, className }: { rows: [label: string, value: ReactNode, testId?: string][]; testId?: string; className?: string }) {
  return (
    <dl className={clsx('facts grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,auto)_1fr]', className)} data-testid={testId}>
      {rows.map(([label, value, id]) => (
        <div key={label} className="contents">
          <dt className="text-sm text-slate-700 sm:text-base">{label}</dt>
          <dd className="mb-1 font-semibold break-words text-slate-900 sm:mb-0" data-testid={id}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
