import { ApiError } from '../contract/errors'
import { db } from './db'
import { asRecords } from './documents'

/**
 * Pages are cut by keyset, not by skip: a cursor carries the sort key of the last item given,
 * so a page never repeats or drops items when documents are added meanwhile, and no query ever
 * needs to reach past the 1000-document cap.
 */
export function encodeCursor(key: Record<string, string | number | boolean>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<K>(cursor: string, isKey: (value: unknown) => value is K): K {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!isKey(value))
    throw new ApiError('INVALID_INPUT', '分页位置无效，请刷新后再试', { cursor: '分页位置无效' })
  return value
}

/**
 * One page out of `limit + 1` rows read: the extra row only tells that more follow, and the
 * last row given becomes the cursor.
 */
export function page<T, K extends Record<string, string | number | boolean>>(
  rows: T[],
  limit: number,
  keyOf: (last: T) => K,
): { items: T[]; nextCursor?: string } {
  if (rows.length <= limit) return { items: rows }
  const items = rows.slice(0, limit)
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) }
}

/** The key of a list sorted newest first by one date field, ties broken by `_id`. */
// A type, not an interface: it must fit the cursor's Record<string, …> key.
export type TimeKey = {
  t: number
  id: string
}

export function isTimeKey(value: unknown): value is TimeKey {
  const key = value as TimeKey
  return (
    typeof key === 'object' &&
    key !== null &&
    typeof key.t === 'number' &&
    typeof key.id === 'string'
  )
}

export function timeKey(at: Date | null, id: string): TimeKey {
  return { t: (at ?? new Date(0)).getTime(), id }
}

/** The condition for what follows `cursor` in a list sorted by (`field` desc, `_id` desc). */
export function olderThan(field: string, cursor: string): object {
  const _ = db().command
  const key = decodeCursor(cursor, isTimeKey)
  const at = new Date(key.t)
  return _.or([{ [field]: _.lt(at) }, { [field]: at, _id: _.lt(key.id) }])
}

/**
 * One page of `collection` where `match`, newest first by the date `field` (ties by `_id`): the
 * keyset read every "newest first" list shares (我的报名, 我的预约, 消息, staff's notices).
 */
export async function newestFirst<T extends { _id: string }>(
  collection: string,
  match: object,
  field: keyof T & string,
  at: { cursor: string | undefined; limit: number },
  revive: (row: T) => T,
): Promise<{ items: T[]; nextCursor?: string }> {
  const _ = db().command
  const where = at.cursor ? _.and([match, olderThan(field, at.cursor)]) : match
  const res = (await db()
    .collection(collection)
    .where(where)
    .orderBy(field, 'desc')
    .orderBy('_id', 'desc')
    .limit(at.limit + 1)
    .get()) as { data: unknown }
  return page(asRecords<T>(res.data).map(revive), at.limit, (last) =>
    timeKey(last[field] as Date | null, last._id),
  )
}
