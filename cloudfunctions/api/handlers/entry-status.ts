import { ApiError } from '../../contract/errors'
import { getActivity } from '../../store/activities'
import { getEntry } from '../../store/entries'
import { ENTRY_STATUS_TEXT, toEntryStatusCard } from '../views/entry-card'
import { viewOf } from './entry'
import type { Handler } from './types'

/**
 * The status page a message or a shared card opens (`/activity/entry/index?id=`): the entry's
 * own member gets it whole (actions, ticket code); anyone else, member or not, the public card.
 * An entry of a draft activity does not exist for anyone here.
 */
export const get: Handler<'entry.get'> = async (input, ctx) => {
  const entry = await getEntry(input.id)
  const activity = entry ? await getActivity(entry.activityId) : null
  if (!entry || !activity || activity.status === 'draft')
    throw new ApiError('NOT_FOUND', '没有找到这份报名')
  if (ctx.caller.memberId === null || ctx.caller.memberId !== entry.memberId)
    return toEntryStatusCard(entry, activity)
  const view = await viewOf(entry, activity, ctx, true)
  return {
    ...view,
    mine: true,
    placeAddress: activity.place.address,
    statusText: ENTRY_STATUS_TEXT[entry.status],
  }
}
