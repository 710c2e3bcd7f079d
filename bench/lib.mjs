// Shared by the benchmarks: paired measurement of the action against its floor, and one line of
// output per case. Pairs alternate which side runs first, so a slow moment of a shared machine
// lands on both sides alike; the ratio of each pair is what is compared with the goal.

/** `--runs N` (default `fallback`) from the command line. */
export function runsArgument(fallback) {
  const i = process.argv.indexOf('--runs')
  const runs = i === -1 ? fallback : Number(process.argv[i + 1])
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1')
  return runs
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Runs `action` and `floor` `runs` times each, in pairs (after `warmup` unmeasured pairs). Each
 * returns its time in ms (and may check its result). Returns the times and the pair ratios.
 */
export async function paired({ runs, warmup = 2, action, floor }) {
  const actionMs = []
  const floorMs = []
  const ratios = []
  for (let i = -warmup; i < runs; i++) {
    let a
    let f
    if (i % 2 === 0) {
      a = await action(i)
      f = await floor(i)
    } else {
      f = await floor(i)
      a = await action(i)
    }
    if (i < 0) continue
    actionMs.push(a)
    floorMs.push(f)
    ratios.push(a / f)
  }
  return { actionMs, floorMs, ratios }
}

const ms = values =>
  `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`
const ratio = values =>
  `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`

/** One line: the case, both medians with min–max, the median pair ratio against the goal. */
export function formatLine(label, result, goal, extra = '') {
  const verdict = median(result.ratios) <= goal ? 'ok' : 'OVER'
  return [
    label.padEnd(44),
    `action ${ms(result.actionMs)}`.padEnd(26),
    `floor ${ms(result.floorMs)}`.padEnd(25),
    `ratio ${ratio(result.ratios)} goal ≤ ${goal.toFixed(2)} ${verdict}`,
    extra
  ]
    .join('  ')
    .trimEnd()
}
