import type { AuditRecord } from './records'
import { olderThan, page, timeKey } from './cursor'
import { db, isDuplicateKey } from './db'
import { asRecords } from './documents'

const AUDIT = 'audit'

/** Records an entry; with an id (a write's), a second run of the same write records nothing. */
export async function recordAudit(entry: Omit<AuditRecord, '_id'>, id?: string): Promise<void> {
  try {
    await db()
      .collection(AUDIT)
      .add(id ? { _id: id, ...entry } : entry)
  } catch (error) {
    if (!id || !isDuplicateKey(error)) throw error
  }
}

export interface AuditFilter {
  actor?: string
  action?: string
  from?: Date
  to?: Date
}

/** Newest first; `from` inclusive, `to` exclusive. */
export async function listAudit(
  filter: AuditFilter,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: AuditRecord[]; nextCursor?: string }> {
  const _ = db().command
  const conditions: object[] = []
  if (filter.actor) conditions.push({ actor: filter.actor })
  if (filter.action) conditions.push({ action: filter.action })
  if (filter.from) conditions.push({ at: _.gte(filter.from) })
  if (filter.to) conditions.push({ at: _.lt(filter.to) })
  if (cursor) conditions.push(olderThan('at', cursor))
  const res = (await db()
    .collection(AUDIT)
    .where(conditions.length ? _.and(conditions) : {})
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  const rows = asRecords<AuditRecord>(res.data).map((row) => ({ ...row, at: new Date(row.at) }))
  return page(rows, limit, (last) => timeKey(last.at, last._id))
}
