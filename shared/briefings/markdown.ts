import MarkdownIt from 'markdown-it'

/**
 * Markdown to safe HTML, used by the API on publish and by the composer's live preview.
 * Raw HTML in the source is escaped, never passed through (`html: false`), so no script,
 * style or event-handler attribute can appear; markdown-it's link validation drops
 * `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs. Links get rel=noopener.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false })

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

export const renderMarkdown = (source: string): string => md.render(source)
