import { join } from 'node:path'
import type { BenchGroup } from './group'
import { loadGroups } from './registry'
import { formatTable, writeResults, type Row } from './report'

// Figures only, never assertions: `npm run bench [-- --only <group>]`.
const RESULTS = join(__dirname, 'results.json')

function parseOnly(args: readonly string[]): string | undefined {
  let only: string | undefined
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]
    if (arg === '--only') {
      only = args[i + 1]
      i += 1
      if (!only) throw new Error('--only needs a group name')
    } else if (arg.startsWith('--only=')) {
      only = arg.slice('--only='.length)
    } else {
      throw new Error(`unknown argument "${arg}"; usage: npm run bench [-- --only <group>]`)
    }
  }
  return only
}

function select(groups: BenchGroup[], only: string | undefined): BenchGroup[] {
  if (only === undefined) return groups
  const group = groups.find((g) => g.name === only)
  if (!group) {
    throw new Error(`no bench group "${only}"; the groups: ${groups.map((g) => g.name).join(', ')}`)
  }
  return [group]
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2))
  const groups = select(await loadGroups(), only)
  const rows: Row[] = []
  let failed = false
  for (const group of groups) {
    // Progress on stderr: stdout carries the table alone.
    console.error(`bench: ${group.name}…`)
    const started = performance.now()
    try {
      for (const f of await group.run()) {
        rows.push({
          figure: f.name ?? `${group.name}.${f.key}`,
          value: f.value,
          unit: f.unit,
          what: f.what,
        })
      }
      console.error(
        `bench: ${group.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      )
    } catch (err) {
      // One broken group (no Chromium, say) should not cost the figures of the others.
      failed = true
      console.error(`bench: ${group.name} failed:`, err)
    }
  }
  console.log(formatTable(rows))
  writeResults(RESULTS, rows)
  console.error(`bench: ${rows.length} figure(s) written to bench/results.json`)
  if (failed) process.exitCode = 1
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
