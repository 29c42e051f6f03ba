import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { BenchGroup, Figure } from '../group'
import { ensureBuilt } from '../dist'

interface AppJson {
  subPackages?: Array<{ root: string }>
  subpackages?: Array<{ root: string }>
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : [path]
  })
}

/** A subpackage root as a figure name: "admin" → "admin", "pkg/venue-book" → "pkgVenueBook". */
function camel(root: string): string {
  return root
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1)))
    .join('')
}

/**
 * The mini-program's packages as WeChat counts them against the 2 MB per package: each
 * subpackage is its root folder, the main package everything else.
 */
const weapp: BenchGroup = {
  name: 'weapp',
  async run() {
    const dir = await ensureBuilt('weapp')
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson
    const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''))
    const sizes = new Map<string, number>(roots.map((root) => [root, 0]))
    let main = 0
    let total = 0
    for (const file of files(dir)) {
      const bytes = statSync(file).size
      const path = relative(dir, file).split(sep).join('/')
      const root = roots.find((r) => path.startsWith(`${r}/`))
      if (root === undefined) main += bytes
      else sizes.set(root, (sizes.get(root) ?? 0) + bytes)
      total += bytes
    }
    const figures: Figure[] = [
      {
        key: 'mainBytes',
        value: main,
        unit: 'B',
        what: 'main package: everything outside the subpackage roots',
      },
    ]
    for (const root of roots) {
      figures.push({
        key: `${camel(root)}Bytes`,
        value: sizes.get(root) ?? 0,
        unit: 'B',
        what: `subpackage ${root}/`,
      })
    }
    figures.push({ key: 'totalBytes', value: total, unit: 'B', what: 'all packages together' })
    return figures
  },
}

export default weapp
