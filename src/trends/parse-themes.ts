/**
 * Themes from YAML: a mapping of theme name → list of terms, phrases or `/regex/` patterns, either at
 * the top of a themes file or under a `themes:` key (as in a series' `series.yaml`).
 *
 *     security: [denuclearization, "Korean Peninsula", /nuclear (weapons?|programme)/]
 *     climate:
 *       - climate change
 *       - carbon neutrality
 */
import {parse} from 'yaml'
import {InputError} from '../model/errors.js'
import {compileUserRegex} from './compile-user-regex.js'
import {regexTerm} from './count-terms.js'

/** A named group of terms counted together. */
export interface Theme {
  /** Theme name as written. */
  name: string
  /** Terms, phrases or `/regex/flags` patterns (see `toTermQuery`). */
  terms: string[]
}

/**
 * Parse a themes document. `file` names it in errors. Returns `[]` for a `series.yaml` without
 * themes; throws {@link InputError} for YAML that does not have the shape above.
 */
export function parseThemes(text: string, file: string): Theme[] {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new InputError(`not valid YAML (${(error as Error).message.split('\n')[0]})`, {
      file,
      hint: 'write themes as `name: [term, term]`'
    })
  }
  return toThemes(data, file)
}

/** Themes of a YAML document already parsed (see {@link parseThemes}). */
export function toThemes(data: unknown, file: string): Theme[] {
  if (data === null || data === undefined) return []
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('themes must be a mapping of theme name to a list of terms', {file, hint: 'write themes as `name: [term, term]`'})
  }
  const record = data as Record<string, unknown>
  const looksLikeSeries = 'themes' in record || 'title' in record || 'series' in record || 'language' in record
  const source = looksLikeSeries ? record.themes : record
  if (source === undefined || source === null) return []
  if (typeof source !== 'object' || Array.isArray(source)) {
    throw new InputError('`themes` must be a mapping of theme name to a list of terms', {
      file,
      hint: 'write themes as `name: [term, term]`'
    })
  }
  const themes: Theme[] = []
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    const list = typeof value === 'string' ? [value] : value
    if (!Array.isArray(list) || list.length === 0 || !list.every((term) => typeof term === 'string' || typeof term === 'number')) {
      throw new InputError(`theme "${name}" must list at least one term`, {file, hint: 'write themes as `name: [term, term]`'})
    }
    const terms = list.map((term) => String(term).trim()).filter((term) => term !== '')
    for (const term of terms) checkRegex(term, name, file)
    themes.push({name, terms})
  }
  return themes
}

// A pattern that cannot run is the file's fault: say so when the file is read, naming the theme,
// before any edition is counted (`report` would otherwise stop half way through a site).
function checkRegex(term: string, theme: string, file: string): void {
  const regex = regexTerm.exec(term)
  if (!regex) return
  try {
    compileUserRegex(regex[1]!, regex[2]!, term)
  } catch (error) {
    throw new InputError(`theme "${theme}": ${(error as Error).message}`, {file, hint: 'rewrite the pattern or write the term as a phrase'})
  }
}
