import { planImport, prepareRows, readTable } from '../../domain/registry'
import { getMembers, putMember } from '../../store/members'
import { readRegistryFile } from '../../store/registry-file'
import type { Handler } from './types'

/** Writes at a time; the function has 20 s for a file of a few thousand rows. */
const PARALLEL = 10

/**
 * 会员库 import: read the file (unreadable or missing columns → IMPORT_FILE_INVALID, nothing
 * written) → validate and hash each row → compare with the stored members → write the new and
 * changed ones (deterministic ids: a re-import updates, never duplicates). dryRun only reports.
 */
export const importRegistry: Handler<'registry.import'> = async (input, { now, config }) => {
  const rows = readTable(await readRegistryFile(input.fileId))
  const { valid, rejected } = prepareRows(rows, config.idHashKey, now)
  const existing = await getMembers(valid.map((r) => r.member._id))
  const plan = planImport(valid, existing, now)
  if (!input.dryRun) {
    for (let i = 0; i < plan.writes.length; i += PARALLEL) {
      await Promise.all(plan.writes.slice(i, i + PARALLEL).map((m) => putMember(m)))
    }
  }
  return {
    total: rows.length,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    rejected,
  }
}
