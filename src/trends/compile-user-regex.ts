import {RE2JS} from 're2js'

// The one adapter of the regular expression engine for patterns users write (`--terms`, themes).
// RE2 runs in time linear in the text whatever the pattern: `/(.*a){25}/` in a series.yaml cannot
// hang a site build the way a backtracking engine lets it. The price: no lookaround and no
// back-references, which RE2 refuses at compile time with a message we pass on.

/** A user's regular expression, compiled for linear-time search. */
export interface UserRegex {
  /** `[start, end)` (UTF-16 offsets) of up to `limit` non-empty, non-overlapping matches in `text`, in order. */
  find(text: string, limit: number): Array<[number, number]>
}

/**
 * Compile `source` (JavaScript syntax, as between the slashes of `/…/flags`) case-insensitively;
 * the flags `m` and `s` are honoured, the others need nothing here. Throws a SyntaxError naming
 * `term` when RE2 cannot run the pattern.
 */
export function compileUserRegex(source: string, flags: string, term: string): UserRegex {
  let compiled: RE2JS
  try {
    let options = RE2JS.CASE_INSENSITIVE
    if (flags.includes('m')) options |= RE2JS.MULTILINE
    if (flags.includes('s')) options |= RE2JS.DOTALL
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), options)
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /u, '')
    throw new SyntaxError(
      `term ${term} is not a regular expression wpdiff can run (${reason}); lookahead, lookbehind and back-references are not supported, as patterns run in linear time`
    )
  }
  return {
    find(text, limit) {
      const spans: Array<[number, number]> = []
      const matcher = compiled.matcher(text)
      while (spans.length < limit && matcher.find()) {
        const start = matcher.start()
        const end = matcher.end()
        if (end > start) spans.push([start, end])
      }
      return spans
    }
  }
}
