import type { Roster } from '../../contract/ticket'
import { ApiError } from '../../contract/errors'
import { sessionOf } from '../../domain/activity'
import { rosterCloudPath, rosterFileName, rosterOf, rosterSheets } from '../../domain/roster'
import { xlsxWorkbook } from '../../domain/xlsx'
import { getActivity } from '../../store/activities'
import { putFile } from '../../store/files'
import { getMembers } from '../../store/members'
import { listTicketEntries } from '../../store/tickets'
import type { Handler } from './types'

/** A published (or cancelled) activity's session with its tickets, names masked. */
async function sessionRoster(activityId: string, sessionId: string): Promise<Roster> {
  const activity = await getActivity(activityId)
  // A draft was never shown to members: it has no tickets, and the door has no business with it.
  if (!activity || activity.status === 'draft') throw new ApiError('NOT_FOUND')
  const session = sessionOf(activity, sessionId)
  if (!session) throw new ApiError('NOT_FOUND', '场次不存在')
  const entries = await listTicketEntries(activity._id, session.id)
  const members = await getMembers(entries.map((e) => e.memberId))
  return rosterOf(activity, session, entries, (id) => members.get(id)?.name ?? '')
}

/** 检票名单 for the door: checkers see it too, as it carries masked names only. */
export const roster: Handler<'ticket.roster'> = (input) =>
  sessionRoster(input.activityId, input.sessionId)

/**
 * 导出 Excel: the roster as a workbook in cloud storage, at a path from the request key, so a
 * retry or the scheduler finishing a dead run overwrites the same file rather than adding one.
 */
export const exportRoster: Handler<'ticket.exportRoster'> = async (input, { now, request }) => {
  if (!request) throw new Error('ticket.exportRoster runs as a write, with a request key')
  const roster = await sessionRoster(input.activityId, input.sessionId)
  const bytes = xlsxWorkbook(rosterSheets(roster, now))
  const { fileId, url } = await putFile(rosterCloudPath(roster, request), bytes)
  return { fileId, url, fileName: rosterFileName(roster), tickets: roster.counts.tickets }
}
