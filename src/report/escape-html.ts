/**
 * Escape text for HTML element content and double-quoted attributes. The redline HTML is built in
 * code (templates would be too slow for 150,000 words of tokens) and then marked safe, so every piece
 * of document text that goes into it passes through here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => entities[ch] ?? ch)
}

const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
