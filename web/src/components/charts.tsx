import type { ComponentChildren } from 'preact'
import { toCsv } from '../../../shared/catalog/csv'
import { saveBlob } from '../lib/upload'

/** One bar: its value, and optionally a target band (min-max) and a capacity mark on the same scale. */
export interface Bar {
  label: string
  value: number
  /** the value as people read it ("6", "32%") */
  display: string
  band?: { min: number; max: number }
  cap?: number
  tone?: 'ok' | 'warn' | 'bad'
}

const ROW = 34
const LABEL_W = 190
/** longer labels are cut (the table beside the chart has them whole) */
const LABEL_CHARS = 24
const WIDTH = 600
const PLOT_W = WIDTH - LABEL_W - 60

/**
 * A horizontal bar chart in plain SVG: a title and a description for assistive technology (the
 * figures themselves are in the table beside it), bars with an optional target band and
 * capacity mark. No chart library: a few rectangles are all it takes.
 */
export function BarChart({ id, title, desc, bars, max }: { id: string; title: string; desc: string; bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => Math.max(b.value, b.band?.max ?? 0, b.cap ?? 0)), 1)
  const x = (v: number) => LABEL_W + (v / top) * PLOT_W
  const height = bars.length * ROW + 8
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4
        return (
          <g key={bar.label}>
            <text x={LABEL_W - 10} y={y + 19} text-anchor="end" class="bar-chart__label">
              {bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={PLOT_W} height={20} class="bar-chart__track" rx={3} />
            {bar.band && (
              <rect
                x={x(bar.band.min)}
                y={y + 1}
                width={Math.max(2, x(bar.band.max) - x(bar.band.min))}
                height={26}
                class="bar-chart__band"
                rx={3}
              />
            )}
            <rect
              x={LABEL_W}
              y={y + 8}
              width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value) - LABEL_W)}
              height={12}
              rx={2}
              class={`bar-chart__bar bar-chart__bar--${bar.tone ?? 'ok'}`}
            />
            {bar.cap !== undefined && <line x1={x(bar.cap)} x2={x(bar.cap)} y1={y} y2={y + 28} class="bar-chart__cap" />}
            <text
              x={Math.min(x(Math.max(bar.value, bar.band?.max ?? 0, bar.cap ?? 0)) + 8, WIDTH - 4)}
              y={y + 19}
              class="bar-chart__value"
            >
              {bar.display}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

export interface Column<R> {
  label: string
  /** the cell's value in the CSV (and on screen unless `render` says otherwise) */
  value: (row: R) => string | number
  render?: (row: R) => ComponentChildren
  numeric?: boolean
}

/**
 * A table of figures with its CSV download: the CSV is the same rows and columns, written by
 * the portal's one CSV writer (which keeps spreadsheet formulas out). The first column heads
 * each row.
 */
export function DataTable<R>({
  id,
  caption,
  columns,
  rows,
  filename,
  empty = 'Nothing to show yet.',
}: {
  id: string
  caption: string
  columns: Column<R>[]
  rows: R[]
  filename: string
  empty?: string
}) {
  const exportCsv = () => {
    const csv = toCsv([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => c.value(r)))])
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename)
  }
  if (!rows.length) return <p class="muted">{empty}</p>
  return (
    <div class="data-table">
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table class="table table--responsive">
          <caption id={`${id}-caption`} class="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" class={c.numeric ? 'numeric' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c, j) => {
                  const content = c.render ? c.render(row) : c.value(row)
                  return j === 0 ? (
                    <th key={c.label} scope="row" data-label={c.label}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.label} data-label={c.label} class={c.numeric ? 'numeric' : undefined}>
                      {content}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" class="button button--ghost button--small data-table__export" onClick={exportCsv}>
        Download CSV<span class="visually-hidden">: {caption}</span>
      </button>
    </div>
  )
}
