import { LABEL_SOURCE, NAME_SOURCE, isValidContractPath } from '../names.js'
import { type DeploymentTable, columnTable, namedLikeAService } from './contract.js'

/**
 * URLs as Terraform writes them: printable ASCII without space, `"` or `\`, and the escapes
 * jsonencode writes for `&`, `<` and `>`. Every such URL passes the contract's url rule; any other
 * (non-ASCII, other escapes) is left to the general path.
 */
const URL_SOURCE = 'https?://(?:[!#-\\[\\]-~]|\\\\u00(?:26|3c|3e))+'

/**
 * One deployment exactly as Terraform writes it, its service in `<servicesDir>/<service>`, with
 * every field checked by the contract's own rules (src/names.ts); captures the name and the
 * service, which the path gives (the service must repeat it: a back-reference). The first opens
 * the map, every other follows a comma. A deployment whose path is anywhere else leaves the text
 * to the general path, which also warns about it.
 */
const entryExpression = (servicesDir: string) =>
  new RegExp(
    `(?:^\\{|,)"(${NAME_SOURCE})":\\{"path":"${servicesDir.replace(/[.]/g, '\\.')}/(${NAME_SOURCE})",` +
      `"public":(?:true|false),"runner_labels":\\["${LABEL_SOURCE}"(?:,"${LABEL_SOURCE}")*\\],` +
      `"service":"\\2","target":"${NAME_SOURCE}","url":(?:null|"${URL_SOURCE}")\\}`
  )
/**
 * Where a deployment's name ends and its object begins. Only there: no value in a matched entry
 * holds a quote.
 */
const NAME_END = '":{"path":"'

/**
 * Reads the deployments map in the one form Terraform writes it — `jsonencode`, `terraform output
 * -json deployments`, the published variables: compact, attributes in sorted order, all of them
 * present — without building an object per deployment: plan reads thousands on every run, and
 * JSON.parse plus a check of each field cost it more than everything else it does. Returns
 * undefined for any other text, valid or not, and where a deployment's path is not
 * `<servicesDir>/<service>`; parseDeployments then parses and checks it field by field and names
 * each problem. Accepts only what parseDeployments accepts, with the same result
 * (__tests__/deployments/terraform-text.test.ts compares the two). `breaks`: offsets (ascending)
 * where texts joined into this one meet (joinPublishedText); each must be where an entry begins,
 * as each part must be a map by itself.
 */
export function readTerraformText(
  text: string,
  servicesDir: string,
  breaks: readonly number[] = []
): DeploymentTable | undefined {
  const last = text.length - 1
  if (text.charCodeAt(0) !== OPEN || text.charCodeAt(last) !== CLOSE) return undefined
  // A folder the contract refuses holds no valid path (the general path says so); every character
  // of one the contract accepts but `.` stands for itself in an expression.
  if (!isValidContractPath(servicesDir)) return undefined
  // One native pass cuts the text at every entry: what lies between two entries, then each
  // entry's two captures, and so on; the closing brace last. The entries follow each other
  // from the first character exactly when everything between them is empty.
  let parts: string[]
  try {
    parts = text.split(entryExpression(servicesDir))
  } catch (error) {
    // A services-dir of tens of thousands of characters makes an expression V8 will not build
    // (SyntaxError); millions of labels overflow its backtracking stack (RangeError).
    if (error instanceof SyntaxError || error instanceof RangeError) return undefined
    throw error
  }
  const count = (parts.length - 1) / 3
  if (parts[parts.length - 1] !== (count === 0 ? '{}' : '}')) return undefined
  const names: string[] = new Array(count)
  const services: string[] = new Array(count)
  let indexes = 0 // how many names so far are array indexes (all of them: they come first)
  let lastIndex = -1
  let previous = '' // the last name that is not an array index
  // Deployments are usually named after their service, so the services come in order too. With
  // names and services in order, a deployment named like another service is found by one walk
  // along both lists (j: the first service not less than the name), not with a set of thousands.
  let inOrder = true // names (none an array index) and services so far
  let servicesInOrder = true
  let j = 2 // parts[j]: that service
  for (let i = 0, at = 0; i < count; i++, at += 3) {
    if (parts[at] !== '') return undefined
    const name = parts[at + 1] as string
    // JSON.parse puts keys that are array indexes first, in numeric order ("9" before "10"),
    // where Terraform sorts them as strings: read directly only when the two orders agree.
    if (name.charCodeAt(0) <= NINE && ARRAY_INDEX.test(name) && Number(name) < 2 ** 32 - 1) {
      if (i > indexes || (indexes > 0 && Number(name) <= lastIndex)) return undefined
      indexes++
      lastIndex = Number(name)
      inOrder = false
    } else {
      // Terraform writes the other names in sorted order, so each is greater than the last:
      // no name twice (JSON.parse would keep the last of two), without a set of them all.
      if (name <= previous) return undefined
      previous = name
    }
    const service = parts[at + 2] as string
    if (i > 0 && service < (services[i - 1] as string)) inOrder = servicesInOrder = false
    if (inOrder) {
      while (j < parts.length - 1 && (parts[j] as string) < name) j += 3
      // parseDeployments names the clash.
      if (j < parts.length - 1 && parts[j] === name && service !== name) return undefined
    }
    names[i] = name
    services[i] = service
  }
  if (
    !breaks.every((at, k) => (k === 0 || at > (breaks[k - 1] as number)) && beginsEntry(text, at))
  )
    return undefined
  let serviceSet: Set<string> | undefined
  // Services out of order (or names that are numbers): the same check with the set of services.
  if (!inOrder && namedLikeAService(names, services, (serviceSet = new Set(services))).length > 0)
    return undefined
  // Where the i-th name begins, looked for only when a deployment is asked for (plan builds only
  // the few it routes, in order, so each search starts where the last one ended). It occurs once:
  // no value holds a quote.
  let lastKey = { i: -1, at: 0 }
  const key = (i: number): number => {
    const from = i >= lastKey.i ? lastKey.at : 0
    lastKey = { i, at: text.indexOf(`"${names[i] as string}${NAME_END}`, from) }
    return lastKey.at
  }
  return columnTable(
    names,
    services,
    i => `${servicesDir}/${services[i] as string}`,
    i => {
      // From past `"<name>":` to the comma before the next name, or to the map's closing brace.
      const start = key(i) + (names[i] as string).length + 3
      const end = i + 1 < count ? key(i + 1) - 1 : last
      const raw = JSON.parse(text.slice(start, end)) as TerraformEntry
      return {
        name: names[i] as string,
        service: raw.service,
        path: raw.path,
        target: raw.target,
        runnerLabels: raw.runner_labels,
        public: raw.public,
        url: raw.url
      }
    },
    { servicesInOrder, dir: servicesDir, serviceSet }
  )
}

/**
 * Whether an entry begins at `at` (its `{` or `,`) in a text whose entries matched: a name is a
 * quoted string right after a comma that ends at NAME_END, which nothing else does.
 */
function beginsEntry(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== (at === 0 ? OPEN : COMMA) || text.charCodeAt(at + 1) !== QUOTE)
    return false
  return text.startsWith(NAME_END, text.indexOf('"', at + 2))
}

const OPEN = 0x7b // {
const CLOSE = 0x7d // }
const COMMA = 0x2c // ,
const QUOTE = 0x22 // "
const NINE = 0x39 // 9 (names start with a digit or a lower-case letter)
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/

interface TerraformEntry {
  path: string
  public: boolean
  runner_labels: string[]
  service: string
  target: string
  url: string | null
}
