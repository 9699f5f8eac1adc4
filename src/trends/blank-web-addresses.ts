/**
 * Web addresses are references, not wording: cut into tokens, `https://github.com/cncf/…` gave the
 * CNCF 2022 paper the rising "terms" `https` (4 → 16) and `com`, and the OpenChain ja 2.1 edition `org`.
 * Trends count the text around them only.
 */

// A scheme's address runs to the next space; a PDF often breaks the line right after `https://`,
// so one space there is crossed. An address without a scheme is known by its `www.`.
const webAddress = /\b(?:https?|ftp):\/\/(?:\s(?=[^\s/]))?[^\s"<>“”‘’]*|\bwww\.[^\s"<>“”‘’]+/giu

/** `text` with each web address replaced by as many spaces, so every offset into it still holds. */
export function blankWebAddresses(text: string): string {
  if (!text.includes('://') && !/www\./iu.test(text)) return text
  return text.replace(webAddress, (address) => ' '.repeat(address.length))
}
