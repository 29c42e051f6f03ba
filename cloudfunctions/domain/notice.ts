import { ApiError } from '../contract/errors'
import type { NoticeStatus } from '../contract/notice'

/**
 * 公告 rules. A notice is visible to members when it is published and its publish time has
 * come; visibility is decided at read time, so a scheduled notice (定时发布) needs no job to
 * appear. Every change bumps `version`, and an edit names the version it started from.
 */
export interface NoticeRecord {
  _id: string
  title: string
  body: string
  posterFileId: string | null
  status: NoticeStatus
  /** When members may see it; null on a draft that was never given a time. */
  publishAt: Date | null
  pinned: boolean
  version: number
  createdAt: Date
  updatedAt: Date
  createdBy: string
  updatedBy: string
  /** The idempotency key of the last write that changed it (absent on seeded notices). */
  lastRequest?: string | null
}

export type NewNotice = Omit<NoticeRecord, '_id'>

/** The fields a change writes; always carries the next version. */
export type NoticeChange = Partial<
  Omit<NoticeRecord, '_id' | 'createdAt' | 'createdBy' | 'lastRequest'>
> & {
  version: number
  updatedAt: Date
  updatedBy: string
}

export interface NoticeDraftInput {
  title: string
  body: string
  posterFileId?: string | null
  publishAt?: Date | null
}

export interface NoticeEdit {
  title?: string
  body?: string
  posterFileId?: string | null
  publishAt?: Date | null
}

/** A new notice is always a draft: staff look at it before members can. */
export function draftNotice(input: NoticeDraftInput, by: string, now: Date): NewNotice {
  return {
    title: input.title,
    body: input.body,
    posterFileId: input.posterFileId ?? null,
    status: 'draft',
    publishAt: input.publishAt ?? null,
    pinned: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: by,
    updatedBy: by,
  }
}

function change(notice: NoticeRecord, by: string, now: Date): NoticeChange {
  return { version: notice.version + 1, updatedAt: now, updatedBy: by }
}

/** Fails with CONFLICT when someone else changed the notice since `version` was read. */
export function editNotice(
  notice: NoticeRecord,
  edit: NoticeEdit,
  version: number,
  by: string,
  now: Date,
): NoticeChange {
  if (version !== notice.version) throw new ApiError('CONFLICT')
  const fields: NoticeEdit = {}
  if (edit.title !== undefined) fields.title = edit.title
  if (edit.body !== undefined) fields.body = edit.body
  if (edit.posterFileId !== undefined) fields.posterFileId = edit.posterFileId
  if (edit.publishAt !== undefined) fields.publishAt = edit.publishAt
  return { ...fields, ...change(notice, by, now) }
}

/**
 * Publishes at `publishAt` when that is still ahead (定时发布), otherwise now. Without an
 * explicit time a future time planned on the draft is kept. Fails on a published notice.
 */
export function publishNotice(
  notice: NoticeRecord,
  publishAt: Date | undefined,
  by: string,
  now: Date,
): NoticeChange {
  if (notice.status === 'published') throw new ApiError('INVALID_STATE', '公告已发布')
  const wanted = publishAt ?? notice.publishAt
  const at = wanted && wanted.getTime() > now.getTime() ? wanted : now
  return { status: 'published', publishAt: at, ...change(notice, by, now) }
}

/** Takes a published (or scheduled) notice away from members; staff still see it. */
export function unpublishNotice(notice: NoticeRecord, by: string, now: Date): NoticeChange {
  if (notice.status !== 'published') throw new ApiError('INVALID_STATE', '公告未发布')
  return { status: 'unpublished', ...change(notice, by, now) }
}

export function pinNotice(
  notice: NoticeRecord,
  pinned: boolean,
  by: string,
  now: Date,
): NoticeChange {
  return { pinned, ...change(notice, by, now) }
}

export function isVisible(notice: Pick<NoticeRecord, 'status' | 'publishAt'>, now: Date): boolean {
  return (
    notice.status === 'published' &&
    notice.publishAt !== null &&
    notice.publishAt.getTime() <= now.getTime()
  )
}

/** Whether a published notice still waits for its time. */
export function isScheduled(
  notice: Pick<NoticeRecord, 'status' | 'publishAt'>,
  now: Date,
): boolean {
  return (
    notice.status === 'published' &&
    notice.publishAt !== null &&
    notice.publishAt.getTime() > now.getTime()
  )
}

type Ordered = Pick<NoticeRecord, '_id' | 'pinned' | 'publishAt'>

/** Members' order: pinned first, then newest publish time, then id so pages never overlap. */
export function compareForMembers(a: Ordered, b: Ordered): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  const ta = a.publishAt?.getTime() ?? 0
  const tb = b.publishAt?.getTime() ?? 0
  if (ta !== tb) return tb - ta
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0
}

export const EXCERPT_LENGTH = 60

/** The start of the body on one line, for list cards; cut on a code point, never mid-emoji. */
export function excerpt(body: string, length = EXCERPT_LENGTH): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length <= length ? flat : `${chars.slice(0, length).join('')}…`
}
