import type { NewNotice, NoticeChange, NoticeRecord } from '../domain/notice'
import { decodeCursor, isTimeKey, newestFirst, page, timeKey, type TimeKey } from './cursor'
import { db, isDuplicateKey } from './db'
import { asRecord, asRecords, updatedCount } from './documents'

const NOTICES = 'notices'

export interface NoticePage {
  items: NoticeRecord[]
  nextCursor?: string
}

/**
 * Inserts a new notice under `id` (from the request that creates it); if a first run of that
 * request already made it, that notice is the answer.
 */
export async function insertNotice(id: string, notice: NewNotice): Promise<NoticeRecord> {
  try {
    await db()
      .collection(NOTICES)
      .add({ _id: id, ...notice })
    return { _id: id, ...notice }
  } catch (error) {
    const made = isDuplicateKey(error) ? await getNotice(id) : null
    if (!made) throw error
    return made
  }
}

export async function getNotice(id: string): Promise<NoticeRecord | null> {
  const res = (await db().collection(NOTICES).doc(id).get()) as { data: unknown }
  return revive(asRecord<NoticeRecord>(res.data))
}

/**
 * Writes a change only if the notice is still at `fromVersion`: the check and the write are one
 * conditional update, so two staff editing at once cannot overwrite each other. The notice keeps
 * the request that changed it last, so a second run of that request knows it is done.
 */
export async function applyNoticeChange(
  id: string,
  fromVersion: number,
  change: NoticeChange,
  request: string | undefined,
): Promise<boolean> {
  const res = await db()
    .collection(NOTICES)
    .where({ _id: id, version: fromVersion })
    .update({ ...change, lastRequest: request ?? null })
  return updatedCount(res) === 1
}

/** The members' list is sorted pinned first, so its key adds the pin to the time key. */
type MemberKey = TimeKey & { p: boolean }

function isMemberKey(value: unknown): value is MemberKey {
  return isTimeKey(value) && typeof (value as MemberKey).p === 'boolean'
}

/** Notices members may see at `now`, pinned first, then newest publish time. */
export async function listVisible(
  now: Date,
  cursor: string | undefined,
  limit: number,
): Promise<NoticePage> {
  const _ = db().command
  const visible = { status: 'published', publishAt: _.lte(now) }
  let where: object = visible
  if (cursor) {
    const key = decodeCursor(cursor, isMemberKey)
    const at = new Date(key.t)
    const sameTime = { pinned: key.p, publishAt: at, _id: _.lt(key.id) }
    const earlier = { pinned: key.p, publishAt: _.lt(at) }
    const after = key.p ? [sameTime, earlier, { pinned: false }] : [sameTime, earlier]
    where = _.and([visible, _.or(after)])
  }
  const res = (await db()
    .collection(NOTICES)
    .where(where)
    .orderBy('pinned', 'desc')
    .orderBy('publishAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  return page(
    asRecords<NoticeRecord>(res.data).map((n) => revive(n)),
    limit,
    (last) => ({ p: last.pinned, ...timeKey(last.publishAt, last._id) }),
  )
}

/** Every notice, newest created first: the staff list. */
export function listAll(cursor: string | undefined, limit: number): Promise<NoticePage> {
  return newestFirst<NoticeRecord>(NOTICES, {}, 'createdAt', { cursor, limit }, revive)
}

/** Published notices whose time fell in [from, to): what a scheduler tick made visible. */
export async function countBecameVisible(from: Date, to: Date): Promise<number> {
  const _ = db().command
  const res = (await db()
    .collection(NOTICES)
    .where({ status: 'published', publishAt: _.and(_.gte(from), _.lt(to)) })
    .count()) as { total?: number }
  return res.total ?? 0
}

/** Dates arrive as Date from the SDK; a hand-seeded string date is tolerated too. */
function revive(notice: NoticeRecord): NoticeRecord
function revive(notice: NoticeRecord | null): NoticeRecord | null
function revive(notice: NoticeRecord | null): NoticeRecord | null {
  if (!notice) return null
  const date = (value: Date | string | null): Date | null =>
    value === null ? null : new Date(value)
  return {
    ...notice,
    publishAt: date(notice.publishAt),
    createdAt: new Date(notice.createdAt),
    updatedAt: new Date(notice.updatedAt),
  }
}
