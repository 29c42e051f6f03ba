import { ApiError } from '../../contract/errors'
import { sessionOf } from '../../domain/activity'
import { doneBy } from '../../domain/entry'
import { maskName } from '../../domain/mask'
import { entryIdOfCode, refuseCheckIn, usedAt } from '../../domain/ticket'
import { getActivity } from '../../store/activities'
import { checkInEntry, getEntry } from '../../store/entries'
import { getMember } from '../../store/members'
import type { Handler } from './types'

/**
 * 检票: the code's signature first (a forged or mistyped code is refused before any read), then
 * the entry, its session and the door's hours, then one conditional update that only a usable
 * ticket passes: of two scanners on one ticket at once, one succeeds and the other is told
 * when it was used.
 */
export const checkIn: Handler<'ticket.checkIn'> = async (
  input,
  { caller, now, config, request },
) => {
  if (!request) throw new Error('ticket.checkIn runs as a write, with a request key')
  const entryId = entryIdOfCode(input.code, config.ticketKey)
  const entry = await getEntry(entryId)
  const activity = entry ? await getActivity(entry.activityId) : null
  const session = entry && activity ? sessionOf(activity, entry.sessionId) : undefined
  if (!entry || !activity || !session) throw new ApiError('TICKET_INVALID')
  const answer = async (at: Date) => ({
    activityId: activity._id,
    sessionId: session.id,
    activityTitle: activity.title,
    sessionStartAt: session.startAt.toISOString(),
    maskedName: maskName((await getMember(entry.memberId))?.name ?? ''),
    partySize: entry.partySize,
    checkedInAt: at.toISOString(),
  })
  // A second run of the scan that used it: the same answer, not 已检票.
  if (doneBy(entry, request)) return answer(entry.checkedInAt ?? entry.updatedAt)
  refuseCheckIn(entry, activity, session, now)
  if (await checkInEntry(entry, now, caller.openid, request)) return answer(now)
  const after = await getEntry(entryId)
  if (after?.status === 'checkedIn') throw usedAt(after.checkedInAt ?? after.updatedAt)
  throw new ApiError('TICKET_INVALID')
}
