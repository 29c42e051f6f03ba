import type { AuditRecord } from './records'
import { decodeCursor, encodeCursor } from './cursor'
import { db } from './db'
import { asRecords } from './documents'

const AUDIT = 'audit'

export async function recordAudit(entry: Omit<AuditRecord, '_id'>): Promise<void> {
  await db().collection(AUDIT).add(entry)
}

export interface AuditFilter {
  actor?: string
  action?: string
  from?: Date
  to?: Date
}

interface Key {
  t: number
  id: string
}

function isKey(value: unknown): value is Key {
  const key = value as Key
  return (
    typeof key === 'object' &&
    key !== null &&
    typeof key.t === 'number' &&
    typeof key.id === 'string'
  )
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
  if (cursor) {
    const key = decodeCursor(cursor, isKey)
    const at = new Date(key.t)
    conditions.push(_.or([{ at: _.lt(at) }, { at, _id: _.lt(key.id) }]))
  }
  const res = (await db()
    .collection(AUDIT)
    .where(conditions.length ? _.and(conditions) : {})
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  const rows = asRecords<AuditRecord>(res.data).map((row) => ({ ...row, at: new Date(row.at) }))
  if (rows.length <= limit) return { items: rows }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: encodeCursor({ t: last.at.getTime(), id: last._id }) }
}
