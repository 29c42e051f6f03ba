import { cancelDeadline, type ActivityRecord, type SessionRecord } from '../domain/activity'
import { banEnd } from '../domain/credit'
import type { EntryRecord } from '../domain/entry'
import { noShowMessage, reminderMessage } from '../domain/message'
import { holdsTicket } from '../domain/roster'
import { ticketPolicyOf } from '../domain/ticket'
import { markSessionDone } from '../store/activities'
import { recordNoShow } from '../store/credit'
import { replaceEntry } from '../store/entries'
import { postMessages } from '../store/messages'
import { listTicketEntries } from '../store/tickets'
import { factsOf } from './news'

/**
 * A session's two moments after its signups: the day before, everyone with a ticket is
 * reminded; once it is over, every ticket not checked in is a no-show in its member's credit
 * record (信用记录), where the activity's ban rule applies. Both are safe to run again.
 */

/** Tickets still to be used: a first-come seat, or a won ticket its member confirmed. */
const unused = (e: EntryRecord) =>
  holdsTicket(e) && (e.status === 'confirmed' || e.status === 'won')

export async function remindSession(
  activity: ActivityRecord,
  session: SessionRecord,
  now: Date,
): Promise<number> {
  const tickets = (await listTicketEntries(activity._id, session.id)).filter(unused)
  const cutoff = cancelDeadline(activity, session)
  const posts = tickets.map((entry) => ({
    memberId: entry.memberId,
    ...reminderMessage({
      ...factsOf(entry, activity),
      placeName: activity.place.name,
      placeAddress: activity.place.address,
      cancelUntil: cutoff > now ? cutoff : null,
    }),
  }))
  await postMessages(posts, now)
  await markSessionDone(activity._id, 'remindedSessions', session.id)
  return posts.length
}

/**
 * After the session: unused tickets turn 爽约 (conditionally, so a check-in that won the race
 * stands), then each no-show goes into the credit record once (by its entry id) and its member
 * is told, with the ban's end if the rule earned one. Killed half-way, the next tick finds the
 * 爽约 entries and finishes them; only then is the session marked closed.
 */
export async function closeSession(
  activity: ActivityRecord,
  session: SessionRecord,
  now: Date,
): Promise<number> {
  for (const entry of (await listTicketEntries(activity._id, session.id)).filter(unused)) {
    await replaceEntry(entry._id, entry.version, {
      status: 'noShow',
      version: entry.version + 1,
      updatedAt: now,
    })
  }
  const rule = ticketPolicyOf(activity).noShowBan
  const missed = (await listTicketEntries(activity._id, session.id)).filter(
    (e) => e.status === 'noShow',
  )
  for (const entry of missed) {
    const credit = await recordNoShow(
      entry.memberId,
      { kind: 'ticket', ref: entry._id, at: session.endAt },
      rule,
    )
    const told = noShowMessage({ ...factsOf(entry, activity), bannedUntil: banEnd(credit, now) })
    await postMessages([{ memberId: entry.memberId, ...told }], now)
  }
  await markSessionDone(activity._id, 'closedSessions', session.id)
  return missed.length
}
