import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { BenchGroup } from './group'

const GROUPS_DIR = join(__dirname, 'groups')

function isGroup(value: unknown): value is BenchGroup {
  if (typeof value !== 'object' || value === null) return false
  const group = value as Partial<BenchGroup>
  return typeof group.name === 'string' && typeof group.run === 'function'
}

/** Every group in bench/groups/, by name. The folder is the registry: one file per group. */
export async function loadGroups(): Promise<BenchGroup[]> {
  const files = readdirSync(GROUPS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort()
  const groups: BenchGroup[] = []
  for (const file of files) {
    const loaded = (await import(join(GROUPS_DIR, file))) as { default?: unknown }
    const group = loaded.default
    const name = basename(file, '.ts')
    if (!isGroup(group) || group.name !== name) {
      throw new Error(`bench/groups/${file} must export default a group named "${name}"`)
    }
    groups.push(group)
  }
  return groups
}
