import { CONTRACT_PATH_SOURCE, LABEL_SOURCE, NAME_SOURCE } from '../names.js'
import { type Deployment, type DeploymentTable, namedLikeAService } from './contract.js'

/**
 * URLs as Terraform writes them: printable ASCII without space, `"` or `\`, and the escapes
 * jsonencode writes for `&`, `<` and `>`. Every such URL passes the contract's url rule; any other
 * (non-ASCII, other escapes) is left to the general path.
 */
const URL_SOURCE = 'https?://(?:[!#-\\[\\]-~]|\\\\u00(?:26|3c|3e))+'

/**
 * One deployment exactly as Terraform writes it, with every field checked by the contract's own
 * rules (src/names.ts); captures the name, path and service. Sticky: entries follow each other.
 */
const ENTRY = new RegExp(
  `[{,]"(${NAME_SOURCE})":\\{"path":"(${CONTRACT_PATH_SOURCE})","public":(?:true|false),` +
    `"runner_labels":\\["${LABEL_SOURCE}"(?:,"${LABEL_SOURCE}")*\\],"service":"(${NAME_SOURCE})",` +
    `"target":"${NAME_SOURCE}","url":(?:null|"${URL_SOURCE}")\\}`,
  'y'
)

/**
 * Reads the deployments map in the one form Terraform writes it — `jsonencode`, `terraform output
 * -json deployments`, the published variables: compact, attributes in sorted order, all of them
 * present — without building an object per deployment: plan reads thousands on every run, and
 * JSON.parse plus a check of each field cost it more than everything else it does. Returns
 * undefined for any other text, valid or not; parseDeployments then parses and checks it field by
 * field and names each problem. Accepts only what parseDeployments accepts, with the same result
 * (__tests__/deployments/terraform-text.test.ts compares the two). `breaks`: offsets (ascending)
 * where texts joined into this one meet (joinPublishedText); each must be where an entry begins,
 * as each part must be a map by itself.
 */
export function readTerraformText(
  text: string,
  breaks: readonly number[] = []
): DeploymentTable | undefined {
  const last = text.length - 1
  if (text.charCodeAt(0) !== OPEN || text.charCodeAt(last) !== CLOSE) return undefined
  const names: string[] = []
  const paths: string[] = []
  const services: string[] = []
  const ends: number[] = []
  let at = 0
  let next = 0 // the first of `breaks` not yet met
  let indexes = 0 // how many names so far are array indexes (all of them: they come first)
  let lastIndex = -1
  let previous = '' // the last name that is not an array index
  ENTRY.lastIndex = 0
  try {
    for (let match = ENTRY.exec(text); match !== null; match = ENTRY.exec(text)) {
      // The first entry opens the map, every other follows a comma.
      if (text.charCodeAt(at) !== (at === 0 ? OPEN : COMMA)) return undefined
      if (next < breaks.length && (breaks[next] as number) < at) return undefined
      if (breaks[next] === at) next++
      const name = match[1] as string
      // JSON.parse puts keys that are array indexes first, in numeric order ("9" before "10"),
      // where Terraform sorts them as strings: read directly only when the two orders agree.
      if (name.charCodeAt(0) <= NINE && ARRAY_INDEX.test(name) && Number(name) < 2 ** 32 - 1) {
        if (names.length > indexes || (indexes > 0 && Number(name) <= lastIndex)) return undefined
        indexes++
        lastIndex = Number(name)
      } else {
        // Terraform writes the other names in sorted order, so each is greater than the last:
        // no name twice (JSON.parse would keep the last of two), without a set of them all.
        if (name <= previous) return undefined
        previous = name
      }
      names.push(name)
      paths.push(match[2] as string)
      services.push(match[3] as string)
      at = ENTRY.lastIndex
      ends.push(at)
    }
  } catch (error) {
    // A path of millions of segments overflows the expression's backtracking stack.
    if (error instanceof RangeError) return undefined
    throw error
  }
  if (names.length === 0 ? text.length !== 2 : at !== last) return undefined
  if (next < breaks.length) return undefined
  const serviceSet = new Set(services)
  // A deployment named like another service: parseDeployments names the clash.
  if (namedLikeAService(names, services, serviceSet).length > 0) return undefined
  return {
    names,
    services,
    paths,
    serviceSet,
    at(i: number): Deployment {
      // The entry's object starts past `{"<name>":` (or `,"<name>":`), where the one before ends.
      const start = (i === 0 ? 0 : (ends[i - 1] as number)) + (names[i] as string).length + 4
      const raw = JSON.parse(text.slice(start, ends[i])) as TerraformEntry
      return {
        name: names[i] as string,
        service: raw.service,
        path: raw.path,
        target: raw.target,
        runnerLabels: raw.runner_labels,
        public: raw.public,
        url: raw.url
      }
    }
  }
}

const OPEN = 0x7b // {
const CLOSE = 0x7d // }
const COMMA = 0x2c // ,
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
