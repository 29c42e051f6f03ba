import type { MyMessage } from '../../contract/message'
import { ApiError } from '../../contract/errors'
import type { MessageRecord } from '../../domain/message'
import { countUnread, listMessagesOf, markRead } from '../../store/messages'
import type { ActionContext, Handler } from './types'

const DEFAULT_PAGE = 20

/** The caller's own registry member; the contract lets only verified members call. */
function memberOf(ctx: ActionContext): string {
  if (!ctx.caller.memberId) throw new ApiError('FORBIDDEN')
  return ctx.caller.memberId
}

function toMyMessage(message: MessageRecord): MyMessage {
  return {
    id: message._id,
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: message.link,
    createdAt: message.createdAt.toISOString(),
    readAt: message.readAt ? message.readAt.toISOString() : null,
  }
}

export const list: Handler<'message.list'> = async (input, ctx) => {
  const memberId = memberOf(ctx)
  const [found, unread] = await Promise.all([
    listMessagesOf(memberId, input.cursor, input.limit ?? DEFAULT_PAGE),
    countUnread(memberId),
  ])
  return { items: found.items.map(toMyMessage), nextCursor: found.nextCursor, unread }
}

/**
 * 标为已读: one conditional update of the member's unread messages, so a second run (a retry,
 * or the scheduler finishing a run that died) only finds fewer to change. Ids of messages that
 * are not the caller's are quietly left alone: they match nothing.
 */
export const read: Handler<'message.read'> = async (input, ctx) => {
  const memberId = memberOf(ctx)
  await markRead(memberId, input.ids ?? 'all', ctx.now)
  return { unread: await countUnread(memberId) }
}
