import type { EntryStatus } from '../contract/entry'
import { isLive, SEAT_STATUSES, withRequest, type EntryRecord } from '../domain/entry'
import { readAll, readAllIn, readByIds } from './bulk'
import { newestFirst } from './cursor'
import { db, isDuplicateKey, QUERY_CAP } from './db'
import { asRecord, updatedCount } from './documents'

const ENTRIES = 'entries'

export async function getEntry(id: string): Promise<EntryRecord | null> {
  const res = (await db().collection(ENTRIES).doc(id).get()) as { data: unknown }
  return revive(asRecord<EntryRecord>(res.data))
}

/** Entries by id, keyed by id (missing ones left out). */
export async function getEntries(ids: readonly string[]): Promise<Map<string, EntryRecord>> {
  const found = await readByIds<EntryRecord>(ENTRIES, ids)
  return new Map([...found].map(([id, row]) => [id, revive(row)]))
}

/** Inserts a member's first entry for an activity; false when one exists already. */
export async function insertEntry(entry: EntryRecord): Promise<boolean> {
  try {
    await db().collection(ENTRIES).add(entry)
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/**
 * Writes an entry's fields only if it is still at `fromVersion`: the check and the write are
 * one conditional update, so two changes at once cannot both land.
 */
export async function replaceEntry(
  id: string,
  fromVersion: number,
  fields: Partial<Omit<EntryRecord, '_id'>>,
): Promise<boolean> {
  const _ = db().command
  const { companions, requests, ...rest } = fields
  const whole = Object.fromEntries(
    Object.entries({ companions, requests })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, _.set(value)]),
  )
  const res = await db()
    .collection(ENTRIES)
    .where({ _id: id, version: fromVersion })
    .update({ ...rest, ...whole })
  return updatedCount(res) === 1
}

/**
 * Writes the member's one entry: an insert under its deterministic id, or, over a cancelled
 * one, a conditional update from the version read. Answers the live entry that stands when
 * another request got there first.
 */
export async function putEntry(
  entry: EntryRecord,
  previous: EntryRecord | null,
): Promise<{ written: true } | { written: false; standing: EntryRecord | null }> {
  if (!previous) {
    if (await insertEntry(entry)) return { written: true }
  } else if (!isLive(previous.status)) {
    const { _id, ...fields } = entry
    if (await replaceEntry(_id, previous.version, fields)) return { written: true }
  }
  return { written: false, standing: await getEntry(entry._id) }
}

/** A member's entries, newest first: 我的报名. */
export function listEntriesOfMember(
  memberId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: EntryRecord[]; nextCursor?: string }> {
  return newestFirst<EntryRecord>(ENTRIES, { memberId }, 'createdAt', { cursor, limit }, revive)
}

/** How many entries of these statuses a session has (a lottery's "entries so far"). */
export async function countEntries(
  activityId: string,
  sessionId: string,
  statuses: readonly EntryStatus[],
): Promise<number> {
  const _ = db().command
  const res = (await db()
    .collection(ENTRIES)
    .where({ activityId, sessionId, status: _.in([...statuses]) })
    .count()) as { total?: number }
  return res.total ?? 0
}

/** Seats a member took or won for sessions in [from, to): the monthly cap's count. */
export async function countSeatEntriesBetween(
  memberId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const _ = db().command
  const res = (await db()
    .collection(ENTRIES)
    .where({
      memberId,
      status: _.in([...SEAT_STATUSES]),
      sessionStartAt: _.and(_.gte(from), _.lt(to)),
    })
    .count()) as { total?: number }
  return res.total ?? 0
}

/** Every entry of an activity, read in `_id` order past the 1000-document cap. */
export async function listEntriesOfActivity(activityId: string): Promise<EntryRecord[]> {
  return (await readAll<EntryRecord>(ENTRIES, { activityId })).map((row) => revive(row))
}

/** With its activity cancelled, every live entry is cancelled, saying why (safe to run twice). */
export async function cancelEntriesOfActivity(
  activityId: string,
  reason: string,
  now: Date,
  request: string | null,
): Promise<number> {
  const _ = db().command
  const res = await db()
    .collection(ENTRIES)
    .where({ activityId, status: _.neq('cancelled') })
    .update({
      status: 'cancelled',
      cancelReason: reason,
      updatedAt: now,
      lastRequest: request,
      version: _.inc(1),
    })
  return updatedCount(res)
}

function revive(entry: EntryRecord): EntryRecord
function revive(entry: EntryRecord | null): EntryRecord | null
function revive(entry: EntryRecord | null): EntryRecord | null {
  if (!entry) return null
  return {
    ...entry,
    sessionStartAt: new Date(entry.sessionStartAt),
    createdAt: new Date(entry.createdAt),
    updatedAt: new Date(entry.updatedAt),
    offerExpiresAt: entry.offerExpiresAt ? new Date(entry.offerExpiresAt) : null,
    confirmedAt: entry.confirmedAt ? new Date(entry.confirmedAt) : null,
  }
}

/**
 * Moves these entries from one status to another in batches under the query cap; conditional
 * on the old status, so running it again changes nothing more.
 */
export async function moveStatus(
  ids: readonly string[],
  from: EntryStatus,
  to: EntryStatus,
  now: Date,
  note: string | null = null,
): Promise<number> {
  const _ = db().command
  let moved = 0
  for (let i = 0; i < ids.length; i += QUERY_CAP) {
    const res = await db()
      .collection(ENTRIES)
      .where({ _id: _.in(ids.slice(i, i + QUERY_CAP)), status: from })
      .update({ status: to, updatedAt: now, cancelReason: note, version: _.inc(1) })
    moved += updatedCount(res)
  }
  return moved
}

/** Statuses a member's draw history is read from (domain/draw `historyOf`). */
const HISTORY_STATUSES: readonly EntryStatus[] = [
  'won',
  'lost',
  'waitlisted',
  'checkedIn',
  'noShow',
]

/** Past lottery outcomes of these members, for their weights. */
export async function listOutcomesOf(memberIds: readonly string[]): Promise<EntryRecord[]> {
  const _ = db().command
  const outcomes = { status: _.in([...HISTORY_STATUSES]) }
  const rows = await readAllIn<EntryRecord>(ENTRIES, 'memberId', memberIds, outcomes)
  return rows.map((row) => revive(row))
}

/**
 * Marks a ticket used: only from the status and version it was read in, so one of two scans
 * wins; the entry keeps the request, so a second run of the winning scan finds itself done.
 */
export async function checkInEntry(
  entry: EntryRecord,
  now: Date,
  by: string,
  request: string,
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(ENTRIES)
    .where({ _id: entry._id, status: entry.status, version: entry.version })
    .update({
      status: 'checkedIn',
      checkedInAt: now,
      checkedInBy: by,
      updatedAt: now,
      version: _.inc(1),
      lastRequest: request,
      requests: _.set(withRequest(entry, request)),
    })
  return updatedCount(res) === 1
}
