import { useState } from 'preact/hooks'
import { describeError } from '../api/client'
import type { Briefing } from '../api/types'
import { formatDateTime } from '../lib/format'
import { openDownload } from '../lib/upload'
import { FileIcon } from './icons'

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
}

/** A published briefing's body (sanitized HTML from the API) and its attachments. */
export function BriefingContent({ briefing, headingLevel = 2 }: { briefing: Briefing; headingLevel?: 2 | 3 }) {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  async function download(documentId: string) {
    setBusy(documentId)
    setError(undefined)
    try {
      await openDownload(briefing.partnerId, documentId)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <>
      <Corrections briefing={briefing} headingLevel={headingLevel} />
      {/* bodyHtml is rendered by the API with markdown-it (raw HTML disabled, unsafe links dropped) */}
      <div class="markdown prose" dangerouslySetInnerHTML={{ __html: briefing.bodyHtml }} />
      {briefing.attachments.length > 0 && (
        <div class="attachments">
          <Heading class="attachments__title">Attachments</Heading>
          <ul class="file-list">
            {briefing.attachments.map((a) => (
              <li key={a.documentId} class="file-row">
                <FileIcon />
                <span class="file-row__name">
                  {a.filename} <span class="muted small">{TYPE_LABELS[a.contentType] ?? a.contentType}</span>
                </span>
                <span class="file-row__actions">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    onClick={() => download(a.documentId)}
                    disabled={busy === a.documentId}
                  >
                    {busy === a.documentId ? 'Preparing…' : 'Download'}
                    <span class="visually-hidden"> {a.filename}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <div role="alert">{error && <p class="field__error">{error}</p>}</div>
        </div>
      )}
    </>
  )
}

/** A corrected briefing says so before its text: each correction's note, newest first. */
function Corrections({ briefing, headingLevel }: { briefing: Briefing; headingLevel: 2 | 3 }) {
  if (briefing.revisions.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const id = `corrections-${briefing.id}`
  return (
    <section class="corrections" aria-labelledby={id}>
      <Heading id={id} class="corrections__title">
        Corrected {briefing.revisions.length === 1 ? 'once' : `${briefing.revisions.length} times`} since publishing
      </Heading>
      <ol class="corrections__list" reversed>
        {[...briefing.revisions].reverse().map((r) => (
          <li key={r.version}>
            <p class="corrections__note">{r.note}</p>
            <p class="small muted">
              Version {r.version} · {formatDateTime(r.at)} by {r.by}
              {r.acknowledgementsCleared > 0 && ' · HomeAIQ’s acknowledgement of the earlier version was set aside'}
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
