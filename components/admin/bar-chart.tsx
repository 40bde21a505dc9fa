import type { Locale } from '@/lib/i18n';
import { shortDay } from './labels';

export interface BarSeries {
  label: string;
  colour: string;
}

/**
 * A small SVG bar chart (no chart library: the dashboard stays light). The figures are also in a
 * table for screen readers and tests.
 */
export function BarChart({
  title,
  heading,
  summary,
  days,
  series,
  values,
  testId,
  locale,
  dayLabel,
}: {
  locale: Locale;
  /** Heading of the day column in the screen-reader table. */
  dayLabel: string;
  title: string;
  /** A visible caption, when the surrounding section's heading is not enough. */
  heading?: string;
  summary: string;
  days: string[];
  series: BarSeries[];
  /** values[dayIndex][seriesIndex] */
  values: number[][];
  testId: string;
}) {
  const width = 900;
  const height = 220;
  const pad = { top: 10, bottom: 28, left: 36, right: 8 };
  const max = Math.max(1, ...values.flat());
  const slot = (width - pad.left - pad.right) / Math.max(days.length, 1);
  const barWidth = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const labelEvery = Math.ceil(days.length / 10);

  return (
    <figure className="flex flex-col gap-2">
      {heading && <figcaption className="text-lg font-semibold">{heading}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="h-auto w-full">
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#64748b" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#334155">
          {max}
        </text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11" fill="#334155">
          0
        </text>
        {days.map((day, i) => (
          <g key={day}>
            {series.map((s, j) => {
              const v = values[i]?.[j] ?? 0;
              return <rect key={s.label} x={pad.left + i * slot + slot * 0.1 + j * barWidth} y={y(v)} width={barWidth} height={y(0) - y(v)} fill={s.colour} />;
            })}
            {i % labelEvery === 0 && (
              <text x={pad.left + i * slot + slot / 2} y={height - 10} textAnchor="middle" fontSize="11" fill="#334155">
                {shortDay(day, locale)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-2">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.colour }} />
            {s.label}
          </li>
        ))}
      </ul>
      {/* The wrapper hides the table: a table ignores the 1 px box of sr-only and would widen the page. */}
      <div className="sr-only">
        <table data-testid={testId}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{dayLabel}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {series.map((s, j) => (
                  <td key={s.label}>{values[i]?.[j] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Every India calendar day of the period, so days without activity show as zero. */
export function lastDays(days: number, today: string): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const end = Date.UTC(y, m - 1, d);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}
