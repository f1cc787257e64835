/**
 * Charts drawn on the server as inline SVG: no chart library, nothing to run in the browser,
 * readable with JavaScript off. Each chart is decorative (aria-hidden): the caller puts a table
 * with the same numbers beside it, which is what screen readers read. Colours come from the
 * stylesheet (.chart classes), so the strict CSP needs no inline styles.
 */

const WIDTH = 320;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** One bar per row: `count` of `total`, e.g. "5 of 6". */
export function ProportionBars({ rows }: { rows: { label: string; count: number; total: number }[] }) {
  const barWidth = 240;
  const rowHeight = 40;
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${rows.length * rowHeight}`} aria-hidden="true" focusable="false">
      {rows.map((row, index) => {
        const y = index * rowHeight;
        const filled = row.total === 0 ? 0 : (barWidth * row.count) / row.total;
        return (
          <g>
            <text x="0" y={y + 13} class="label">
              {row.label}
            </text>
            <rect x="0" y={y + 19} width={barWidth} height="14" class="track" />
            <rect x="0" y={y + 19} width={round(filled)} height="14" class="bar" />
            <text x={barWidth + 8} y={y + 31} class="value">
              {row.count} of {row.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A marker on a scale from `left` to `right` (values past the ends sit at the ends). */
export function LeanScale({ value, limit, left, right }: { value: number; limit: number; left: string; right: string }) {
  const start = 20;
  const end = WIDTH - 20;
  const clamped = Math.max(-limit, Math.min(limit, value));
  const x = round(start + ((clamped + limit) / (2 * limit)) * (end - start));
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} 56`} aria-hidden="true" focusable="false">
      <line x1={start} x2={end} y1="18" y2="18" class="axis" />
      <line x1={WIDTH / 2} x2={WIDTH / 2} y1="10" y2="26" class="axis" />
      <circle cx={x} cy="18" r="7" class="dot" />
      <text x={start} y="46" class="label">
        {left}
      </text>
      <text x={end} y="46" class="label end">
        {right}
      </text>
    </svg>
  );
}

export interface StripRow {
  label: string;
  values: number[];
}

/**
 * The distribution of one score: a row of dots per group (pre, post), one dot per student, with
 * the group's mean as a bar. Ties stack upwards so every student stays visible.
 */
export function StripPlot({ rows, domain, ticks }: { rows: StripRow[]; domain: [number, number]; ticks: number[] }) {
  const left = 56;
  const right = WIDTH - 12;
  const rowHeight = 44;
  const height = rows.length * rowHeight + 22;
  const [min, max] = domain;
  const xOf = (value: number) => round(left + ((Math.max(min, Math.min(max, value)) - min) / (max - min || 1)) * (right - left));
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false">
      {ticks.map((tick) => (
        <g>
          <line x1={xOf(tick)} x2={xOf(tick)} y1="0" y2={rows.length * rowHeight} class="grid" />
          <text x={xOf(tick)} y={height - 4} class="tick">
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const base = index * rowHeight + 30;
        const seen = new Map<number, number>();
        const mean = row.values.length > 0 ? row.values.reduce((s, v) => s + v, 0) / row.values.length : null;
        return (
          <g>
            <text x="0" y={base} class="label">
              {row.label}
            </text>
            {row.values.map((value) => {
              const x = xOf(value);
              const stack = seen.get(x) ?? 0;
              seen.set(x, stack + 1);
              return <circle cx={x} cy={base - 4 - Math.min(stack, 4) * 5} r="3.5" class={`dot g${index}`} />;
            })}
            {mean === null ? null : <line x1={xOf(mean)} x2={xOf(mean)} y1={base - 26} y2={base + 4} class="mean" />}
          </g>
        );
      })}
    </svg>
  );
}
