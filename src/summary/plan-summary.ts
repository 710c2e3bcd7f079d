import type { PlanResult } from '../plan/plan.js'

const MAX_FILES_SHOWN = 5

/** Markdown for the job summary: what deploys where, and which files caused it. */
export function planSummary(plan: PlanResult): string {
  const range =
    plan.range.kind === 'diff'
      ? `\`${plan.range.base.slice(0, 12)}\` → \`${plan.range.head.slice(0, 12)}\` (${plan.range.why})`
      : plan.range.why
  const lines = ['## launch-service plan', '', `Compared: ${range}`, '']
  if (plan.entries.length === 0) {
    lines.push('Nothing to deploy.')
  } else {
    const why = new Map(plan.changes.map(c => [c.service, c.reason]))
    lines.push(
      '| deployment | service | target | runner labels | action | why |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const e of plan.entries) {
      lines.push(
        `| ${cell(e.deployment)} | ${cell(e.service)} | ${cell(e.target)} | ${cell(e['runs-on'].join(', '))} | ${e.action} | ${reasons(why.get(e.service) ?? [])} |`
      )
    }
  }
  if (plan.unrouted.length > 0) {
    lines.push(
      '',
      `**Not deployed (no deployment in Terraform):** ${plan.unrouted.map(cell).join(', ')}`
    )
  }
  for (const w of plan.warnings) lines.push('', `> [!WARNING]\n> ${cell(w)}`)
  return `${lines.join('\n')}\n`
}

function reasons(files: string[]): string {
  const shown = files.slice(0, MAX_FILES_SHOWN).map(f => `\`${cell(f)}\``)
  if (files.length > MAX_FILES_SHOWN) shown.push(`and ${files.length - MAX_FILES_SHOWN} more`)
  return shown.join('<br>')
}

/** Keeps file names with pipes, backticks or new lines from breaking the table. */
function cell(text: string): string {
  // Most names need nothing: one test instead of four replacements (a plan may list thousands).
  if (!SPECIAL.test(text)) return text
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'")
    .replace(/</g, '&lt;')
}
const SPECIAL = /[\r\n|`<]/
