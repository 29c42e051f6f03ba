import { ApiError } from '../../contract/errors'
import {
  draftNotice,
  editNotice,
  isVisible,
  pinNotice,
  publishNotice,
  unpublishNotice,
  type NoticeChange,
  type NoticeRecord,
} from '../../domain/notice'
import {
  applyNoticeChange,
  getNotice,
  insertNotice,
  listAll,
  listVisible,
} from '../../store/notices'
import { idFromRequest } from '../../domain/ids'
import { posterUrls, toManaged, toNotice, toSummary } from '../views/notice'
import type { ActionContext, Handler } from './types'

const DEFAULT_PAGE = 20

const date = (iso: string | null | undefined): Date | null | undefined =>
  iso === undefined ? undefined : iso === null ? null : new Date(iso)

async function existing(id: string): Promise<NoticeRecord> {
  const notice = await getNotice(id)
  if (!notice) throw new ApiError('NOT_FOUND')
  return notice
}

/** Persists a change made from `notice` as read; someone else's change in between → CONFLICT. */
async function commit(
  notice: NoticeRecord,
  change: NoticeChange,
  request: string | undefined,
): Promise<NoticeRecord> {
  if (!(await applyNoticeChange(notice._id, notice.version, change, request)))
    throw new ApiError('CONFLICT')
  return { ...notice, ...change, lastRequest: request }
}

/** A run finishing a write whose first run already changed the notice: nothing left to do. */
const doneBy = (notice: NoticeRecord, request: string | undefined): boolean =>
  request !== undefined && notice.lastRequest === request

async function managed(notice: NoticeRecord) {
  return toManaged(notice, await posterUrls([notice]))
}

/** Reads, applies one domain rule, persists it, answers the staff view. */
function changeWith<A extends 'notice.publish' | 'notice.unpublish' | 'notice.pin'>(
  rule: (
    notice: NoticeRecord,
    input: Parameters<Handler<A>>[0],
    ctx: ActionContext,
  ) => NoticeChange,
): Handler<A> {
  return async (input, ctx) => {
    const notice = await existing(input.id)
    if (doneBy(notice, ctx.request)) return managed(notice)
    return managed(await commit(notice, rule(notice, input, ctx), ctx.request))
  }
}

export const list: Handler<'notice.list'> = async (input, { now }) => {
  const page = await listVisible(now, input.cursor, input.limit ?? DEFAULT_PAGE)
  const urls = await posterUrls(page.items)
  return { items: page.items.map((n) => toSummary(n, urls)), nextCursor: page.nextCursor }
}

export const get: Handler<'notice.get'> = async (input, { now }) => {
  const notice = await getNotice(input.id)
  // A draft or a scheduled notice does not exist as far as members can tell.
  if (!notice || !isVisible(notice, now)) throw new ApiError('NOT_FOUND')
  return toNotice(notice, await posterUrls([notice]))
}

export const manageList: Handler<'notice.manageList'> = async (input) => {
  const page = await listAll(input.cursor, input.limit ?? DEFAULT_PAGE)
  const urls = await posterUrls(page.items)
  return { items: page.items.map((n) => toManaged(n, urls)), nextCursor: page.nextCursor }
}

export const manageGet: Handler<'notice.manageGet'> = async (input) =>
  managed(await existing(input.id))

export const create: Handler<'notice.create'> = async (input, { caller, now, request }) => {
  const draft = draftNotice(
    {
      title: input.title,
      body: input.body,
      posterFileId: input.posterFileId,
      publishAt: date(input.publishAt),
    },
    caller.openid,
    now,
  )
  if (!request) throw new Error('notice.create runs as a write, with a request key')
  return managed(await insertNotice(idFromRequest('notice', request), draft))
}

export const update: Handler<'notice.update'> = async (input, { caller, now, request }) => {
  const notice = await existing(input.id)
  if (doneBy(notice, request)) return managed(notice)
  const edit = {
    title: input.title,
    body: input.body,
    posterFileId: input.posterFileId,
    publishAt: date(input.publishAt),
  }
  const change = editNotice(notice, edit, input.version, caller.openid, now)
  return managed(await commit(notice, change, request))
}

export const publish = changeWith<'notice.publish'>((notice, input, { caller, now }) =>
  publishNotice(notice, date(input.publishAt) ?? undefined, caller.openid, now),
)

export const unpublish = changeWith<'notice.unpublish'>((notice, _input, { caller, now }) =>
  unpublishNotice(notice, caller.openid, now),
)

export const pin = changeWith<'notice.pin'>((notice, input, { caller, now }) =>
  pinNotice(notice, input.pinned, caller.openid, now),
)
