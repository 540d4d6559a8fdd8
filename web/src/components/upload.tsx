import type { ComponentChildren } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { describeUpload, type UploadState } from '../lib/upload'
import { fileSize } from '../lib/format'
import { AlertIcon, CheckIcon, FileIcon, UploadIcon } from './icons'

/**
 * A file input with a drop zone around it. The real input stays in the page (visually hidden,
 * focusable) and its label is the visible "Choose file" button, so keyboard and screen-reader
 * users get the native picker; dropping files is a shortcut for pointer users.
 */
export function FilePicker({
  id,
  buttonLabel,
  prompt,
  accept,
  multiple,
  hint,
  error,
  disabled,
  compact,
  onFiles,
}: {
  id: string
  buttonLabel: ComponentChildren
  /** text beside the button, e.g. "Drag a CSV file here, or" */
  prompt?: string
  accept: string
  multiple?: boolean
  hint?: ComponentChildren
  error?: string | undefined
  disabled?: boolean
  compact?: boolean
  onFiles: (files: File[]) => void
}) {
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  const take = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? [])
    if (files.length) onFiles(multiple ? files : files.slice(0, 1))
  }
  return (
    <div
      class={`drop-zone${over ? ' drop-zone--over' : ''}${compact ? ' drop-zone--compact' : ''}${error ? ' drop-zone--invalid' : ''}`}
      onDragEnter={(event) => {
        event.preventDefault()
        depth.current += 1
        setOver(true)
      }}
      onDragOver={(event) => {
        event.preventDefault()
        if (event.dataTransfer) event.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(event) => {
        event.preventDefault()
        depth.current = 0
        setOver(false)
        if (!disabled) take(event.dataTransfer?.files)
      }}
    >
      <UploadIcon class="drop-zone__icon" />
      <div class="drop-zone__text">
        {prompt && <span aria-hidden="true">{prompt} </span>}
        <input
          id={id}
          name={id}
          class="file-input"
          type="file"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          aria-describedby={described || undefined}
          aria-invalid={error ? 'true' : undefined}
          onChange={(event) => {
            const input = event.currentTarget
            take(input.files)
            input.value = '' // choosing the same (fixed) file again fires change again
          }}
        />
        <label for={id} class={`button button--secondary button--small${disabled ? ' is-disabled' : ''}`}>
          {buttonLabel}
        </label>
        {hint && (
          <p class="drop-zone__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
      {error && (
        <p class="field__error drop-zone__error" id={`${id}-error`}>
          <AlertIcon />
          {error}
        </p>
      )}
    </div>
  )
}

/** Progress and verdict of one upload: a progress bar while sending and checking, then the outcome. */
export function UploadStatus({ state, label }: { state: UploadState; label: string }) {
  const text = describeUpload(state)
  if (state.phase === 'uploading' || state.phase === 'checking') {
    return (
      <div class="upload-status upload-status--busy">
        {state.phase === 'uploading' ? (
          <progress max={1} value={state.fraction} aria-label={`${label}: upload progress`} />
        ) : (
          <progress aria-label={`${label}: checking the file`} />
        )}
        <span class="upload-status__text">{text}</span>
      </div>
    )
  }
  const tone = state.phase === 'ready' ? 'ok' : 'bad'
  return (
    <div class={`upload-status upload-status--${tone}`}>
      {tone === 'ok' ? <CheckIcon /> : <AlertIcon />}
      <span class="upload-status__text">{text}</span>
    </div>
  )
}

/** The files of a multi-file field, each with its progress or verdict and a way to remove it. */
export function UploadList({
  files,
  label,
  onRemove,
}: {
  files: { key: number; filename: string; size: number; state: UploadState }[]
  /** the list's name, e.g. "Evidence" */
  label: string
  onRemove: (key: number) => void
}) {
  if (files.length === 0) return null
  return (
    <ul class="file-list" aria-label={label}>
      {files.map((f) => {
        const busy = f.state.phase === 'uploading' || f.state.phase === 'checking'
        return (
          <li key={f.key} class="file-row">
            <FileIcon />
            <span class="file-row__name">
              {f.filename} {f.size > 0 && <span class="muted small">{fileSize(f.size)}</span>}
            </span>
            <UploadStatus state={f.state} label={f.filename} />
            <span class="file-row__actions">
              <button type="button" class="button button--ghost button--small" onClick={() => onRemove(f.key)}>
                {busy ? 'Cancel' : 'Remove'}
                <span class="visually-hidden"> {f.filename}</span>
              </button>
            </span>
          </li>
        )
      })}
    </ul>
  )
}
