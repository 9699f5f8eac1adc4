import type {History, Lineage, LineageStep} from '../align/trace-lineages.js'
import {onlyYearChanged, sharePercent} from './describe-relation.js'
import {shortenApart, shortenCrumb, textHeadingColumns} from './shorten-crumb.js'

/** A heading as a line of text names it: a sentence set as a heading keeps its number and first words. */
const named = (heading: string): string => shortenCrumb(heading, textHeadingColumns)

/** One lineage as a line: its heading, then what happened to it edition by edition. */
export function describeLineage(lineage: Lineage, history: History): string {
  const title = (id: string): string => {
    const other = history.lineages.find((l) => l.id === id)
    return other ? `"${named(other.heading)}"` : id
  }
  // Where the text of a section that begins (ends) the lineage was (is).
  const home = (step: LineageStep, where: string): string =>
    step.foundIn ? ` (${sharePercent(step.foundIn.share)} of its text ${where} ${title(step.foundIn.lineage)})` : ''
  const last = [...lineage.steps].reverse().find((step) => step.section)!.section!
  const events: string[] = []
  for (const [k, step] of lineage.steps.entries()) {
    const e = step.edition
    const was = k > 0 ? lineage.steps[k - 1]!.section : null
    // A title that changed only its year (a yearly statement) is neither renamed nor renumbered.
    const flags = onlyYearChanged(was?.heading, step.section?.heading)
      ? step.flags.filter((flag) => flag !== 'renamed' && flag !== 'renumbered')
      : step.flags
    if (k === 0 && step.section) events.push(`in ${e}`)
    else if (step.relation === 'added') events.push(`new in ${e}${home(step, 'from')}`)
    else if (step.relation === 'removed') events.push(`removed ${e}${home(step, 'in')}`)
    else if (step.relation === 'split' && step.section && was) events.push(`split ${e} (into ${step.with.map(title).join(', ')})`)
    else if (step.relation === 'split' && step.section) events.push(`split off ${title(step.with[0] ?? '')} ${e}`)
    else if (step.relation === 'merged' && step.section) events.push(`merged ${e} (with ${step.with.map(title).join(', ')})`)
    else if (step.relation === 'merged') events.push(`merged into ${title(step.with[0] ?? '')} ${e}`)
    else if (step.relation === 'matched' && flags.includes('renamed') && was) {
      // The line is labelled with the last name: a rename to any other name says what it became, or
      // a section renamed twice (면책 → Disclaimer → 면책) reads as renamed from its own name.
      const now = step.section?.heading
      const [wasNamed, nowNamed] = shortenApart(was.heading, now ?? '')
      const became = now !== undefined && now !== last.heading ? `, became "${nowNamed}"` : ''
      events.push(`renamed ${e} (was "${wasNamed}"${became})`)
    } else if (step.relation === 'matched' && flags.length > 0) events.push(`${flags.join('+')} ${e}`)
  }
  const steps = last.path.length > 0 ? last.path.slice(-2) : [last.heading]
  const place = steps.map((step, i) => (i < steps.length - 1 ? shortenCrumb(step) : named(step))).join(' › ')
  return `${place}: ${events.join(', ')}`
}
