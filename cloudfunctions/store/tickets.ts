import type { EntryRecord } from '../domain/entry'
import { TICKET_STATUSES } from '../domain/roster'
import { readAll } from './bulk'
import { db } from './db'

/**
 * The entries of one session that may hold a ticket (domain/roster `holdsTicket` decides), read
 * past the 1000-document cap: a big hall's roster is longer than one query answers.
 */
export async function listTicketEntries(
  activityId: string,
  sessionId: string,
): Promise<EntryRecord[]> {
  const _ = db().command
  const rows = await readAll<EntryRecord>('entries', {
    activityId,
    sessionId,
    status: _.in([...TICKET_STATUSES]),
  })
  return rows.map((row) => ({
    ...row,
    checkedInAt: row.checkedInAt ? new Date(row.checkedInAt) : null,
    confirmedAt: row.confirmedAt ? new Date(row.confirmedAt) : null,
  }))
}
