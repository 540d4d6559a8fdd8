import { useEffect, useRef, useState } from 'preact/hooks'
import { parseCsv } from '../../../../shared/catalog/csv'
import { LIST_SEPARATOR, TEMPLATE_CSV, headerIssues, isTemplateSku } from '../../../../shared/catalog/csv-columns'
import { MAX_IMPORT_ROWS } from '../../../../shared/catalog/vocabulary'
import { ApiError, describeError, sendWithProgress } from '../../api/client'
import { api, routeOf, routeUrl } from '../../api/contracts'
import type { ImportResult } from '../../api/types'
import { FileIcon } from '../../components/icons'
import { Notice } from '../../components/states'
import { FilePicker } from '../../components/upload'
import { fileSize } from '../../lib/format'

const MAX_ROWS = MAX_IMPORT_ROWS
const MAX_BYTES = 10 * 1024 * 1024

/** A CSV with every column the import takes and two example rows (which never import). */
export const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE_CSV)}`
export const TEMPLATE_NAME = 'homeaiq-catalog-template.csv'

export function TemplateLink({ class: className }: { class?: string }) {
  return (
    <a href={TEMPLATE_HREF} download={TEMPLATE_NAME} class={className}>
      Download the CSV template
    </a>
  )
}

interface Preview {
  file: File
  rows: number
  problems: string[]
}

async function previewOf(file: File): Promise<Preview> {
  const problems: string[] = []
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') problems.push('This does not look like a CSV file.')
  if (file.size > MAX_BYTES) return { file, rows: 0, problems: [`The file is ${fileSize(file.size)}; the limit is 10 MB.`] }
  const [header, ...rows] = parseCsv(await file.text())
  if (!header) return { file, rows: 0, problems: ['The file is empty: start with a header row.'] }
  const columns = header.map((h) => h.trim())
  for (const issue of headerIssues(columns)) problems.push(`Column ${issue.field.replace(/^header\./, '')}: ${issue.message}`)
  const skuAt = columns.indexOf('sku')
  const examples = skuAt < 0 ? 0 : rows.filter((row) => isTemplateSku(row[skuAt] ?? '')).length
  if (examples) {
    problems.push(
      `${examples === 1 ? 'One row is an example' : `${examples} rows are examples`} from the template (SKU starting with EXAMPLE-): replace ${examples === 1 ? 'it' : 'them'} with your products.`,
    )
  }
  if (rows.length === 0) problems.push('The file has a header but no products.')
  if (rows.length > MAX_ROWS) problems.push(`Import at most ${MAX_ROWS} products at a time (this file has ${rows.length}).`)
  return { file, rows: rows.length, problems }
}

interface RowIssue {
  line: number | undefined
  sku: string | undefined
  column: string
  value: string | undefined
  message: string
}

/** `rows.3.msrp` -> line 3, msrp; `header.sku` -> line 1; `file` -> the whole file. */
function rowIssue({ field, message, sku, value }: { field: string; message: string; sku?: string; value?: string }): RowIssue {
  const [scope, second, third] = field.split('.')
  const issue = { sku, value, message }
  if (scope === 'rows' && second) return { ...issue, line: Number(second), column: third ?? 'whole row' }
  if (scope === 'header') return { ...issue, line: 1, column: second ?? 'header' }
  if (scope === 'file') return { ...issue, line: undefined, column: 'whole file' }
  return { ...issue, line: undefined, column: scope ?? field }
}

type Status =
  | { kind: 'idle' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'done'; result: ImportResult; filename: string }
  | { kind: 'rejected'; filename: string; message: string; issues: RowIssue[] }
  /** someone changed a product of the file meanwhile: the batches before it are saved */
  | { kind: 'interrupted'; filename: string; message: string }

const SHOWN_ISSUES = 200

export function CatalogImport({
  partnerId,
  onImported,
  onClose,
}: {
  partnerId: string
  onImported: (result: ImportResult) => void
  onClose: () => void
}) {
  const [preview, setPreview] = useState<Preview>()
  const [reading, setReading] = useState(false)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const result = useRef<HTMLDivElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => heading.current?.focus(), [])
  useEffect(() => {
    if (status.kind === 'done' || status.kind === 'rejected') result.current?.focus()
  }, [status.kind])

  async function choose(files: File[]) {
    const file = files[0]
    if (!file) return
    setReading(true)
    setStatus({ kind: 'idle' })
    try {
      setPreview(await previewOf(file))
    } finally {
      setReading(false)
    }
  }

  async function upload() {
    if (!preview) return
    const { file } = preview
    setStatus({ kind: 'sending', fraction: 0 })
    try {
      const response = await sendWithProgress<ImportResult>(
        routeUrl(routeOf('catalog', 'import').path, { params: { partnerId } }),
        file,
        {
          headers: { 'content-type': 'text/csv' },
          onProgress: (fraction) => setStatus({ kind: 'sending', fraction }),
        },
      )
      setStatus({ kind: 'done', result: response.data, filename: file.name })
      setPreview(undefined)
      onImported(response.data)
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setStatus({ kind: 'interrupted', filename: file.name, message: describeError(error) })
        return
      }
      const issues =
        error instanceof ApiError
          ? error.fieldErrors.map(rowIssue).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.column.localeCompare(b.column))
          : []
      const lines = new Set(issues.flatMap((i) => (i.line && i.line > 1 ? [i.line] : [])))
      const message = issues.length
        ? lines.size
          ? `${lines.size} ${lines.size === 1 ? 'row has' : 'rows have'} a problem, so no product was added or changed.`
          : 'The file has a problem, so no product was added or changed.'
        : describeError(error)
      setStatus({ kind: 'rejected', filename: file.name, message, issues })
    }
  }

  const sending = status.kind === 'sending'
  // after a failed check the same file would fail again: the button waits for another file
  const blocked = !preview || preview.problems.length > 0 || preview.rows === 0 || status.kind === 'rejected'

  return (
    <section class="card section import-panel" id="catalog-import" aria-labelledby="catalog-import-heading">
      <div class="section__header">
        <h2 id="catalog-import-heading" ref={heading} tabIndex={-1}>
          Import products from a CSV file
        </h2>
        <button type="button" class="button button--ghost button--small" onClick={onClose} disabled={sending}>
          Close<span class="visually-hidden"> import</span>
        </button>
      </div>
      <p class="muted form__intro">
        One product per row, prices in dollars under <code>msrp</code> and <code>map</code> (<code>129.95</code>,{' '}
        <code>$1,299.00</code>), protocols separated by <code>{LIST_SEPARATOR}</code> (or <code>;</code>), words in any case. A
        row whose SKU is already in your catalog updates that product. If any row has a problem, nothing is imported and you get
        the list of rows to fix. If someone edits one of the file’s products while it imports, the import stops there; importing
        the same file again finishes it. <TemplateLink />
      </p>

      <FilePicker
        id="catalog-import-file"
        buttonLabel="Choose a CSV file"
        prompt="Drag a CSV file here, or"
        accept=".csv,text/csv"
        hint={`Up to ${MAX_ROWS.toLocaleString('en-US')} products and 10 MB.`}
        disabled={sending}
        onFiles={choose}
      />

      <div class="import-preview" aria-live="polite">
        {reading && <p class="muted">Reading the file…</p>}
        {preview && !reading && (
          <div class="import-preview__body">
            <p class="import-preview__file">
              <FileIcon />
              <strong>{preview.file.name}</strong>
              <span class="muted"> · {fileSize(preview.file.size)}</span>
            </p>
            <p class="import-preview__count">
              {preview.rows === 1 ? '1 product' : `${preview.rows.toLocaleString('en-US')} products`} to import
            </p>
            {preview.problems.length > 0 && (
              <Notice tone="warning" title="This file cannot be imported as it is">
                <ul class="plain-list">
                  {preview.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </Notice>
            )}
          </div>
        )}
      </div>

      <div class="form-actions">
        <div class="form-actions__status import-status" role="status" tabIndex={-1} ref={result}>
          {status.kind === 'sending' && (
            <div class="upload-status upload-status--busy">
              {status.fraction < 1 ? (
                <progress max={1} value={status.fraction} aria-label="Import upload progress" />
              ) : (
                <progress aria-label="Checking and saving the products" />
              )}
              <span class="upload-status__text">
                {status.fraction < 1 ? `Uploading… ${Math.round(status.fraction * 100)}%` : 'Checking every row and saving…'}
              </span>
            </div>
          )}
          {status.kind === 'done' && (
            <Notice tone="success" title="Import complete">
              <p>
                {status.filename}: <strong>{status.result.created} created</strong>, {status.result.updated} updated,{' '}
                {status.result.unchanged} unchanged.
              </p>
            </Notice>
          )}
          {status.kind === 'interrupted' && (
            <Notice tone="warning" title="The import stopped partway">
              <p>{status.message}</p>
              <p>Import {status.filename} again to finish: rows already saved are skipped.</p>
            </Notice>
          )}
          {status.kind === 'rejected' && (
            <Notice tone="error" title="Nothing was imported">
              <p>{status.message}</p>
              {status.issues.length > 0 && (
                <p>Fix what the table below lists in {status.filename}, then choose the corrected file to import it.</p>
              )}
            </Notice>
          )}
        </div>
        <div class="form-actions__buttons">
          <button type="button" class="button button--primary" disabled={blocked || sending || reading} onClick={upload}>
            {sending
              ? 'Importing…'
              : preview && preview.rows > 0
                ? `Import ${preview.rows === 1 ? '1 product' : `${preview.rows.toLocaleString('en-US')} products`}`
                : 'Import'}
          </button>
        </div>
      </div>

      {status.kind === 'rejected' && status.issues.length > 0 && (
        <div class="table-wrap import-errors" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
          <table class="table table--compact">
            <caption id="import-errors-caption">
              Rows to fix in {status.filename} ({status.issues.length} {status.issues.length === 1 ? 'problem' : 'problems'})
            </caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  Line
                </th>
                <th scope="col">SKU</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {status.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
                <tr key={i}>
                  <th scope="row" class="numeric">
                    {issue.line ?? '—'}
                  </th>
                  <td>{issue.sku ?? '—'}</td>
                  <td>
                    <code>{issue.column}</code>
                  </td>
                  <td>{issue.value ? <code>{issue.value}</code> : '—'}</td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {status.issues.length > SHOWN_ISSUES && (
            <p class="table-note">and {status.issues.length - SHOWN_ISSUES} more problems not shown.</p>
          )}
        </div>
      )}
    </section>
  )
}
