import { remindBookings, tellBansEnded } from '../jobs/booking-news'
import { INTERRUPTED } from '../domain/subscribe-send'
import { deliver } from '../store/subscribe'
import { changeSend, listDueSends } from '../store/subscribe-sends'
import { getVenue, type StoredVenue } from '../store/venues'

/** Sends retried per tick; a backlog is worked off over the next ticks. */
const RETRY_BATCH = 50

export interface MessageReport {
  /** Subscription messages retried (failed before, or planned by a run that died), and sent. */
  sendsRetried: number
  sendsSent: number
  /** Sends a run died in the middle of: marked, never sent again. */
  sendsInterrupted: number
  /** Bookings reminded the day before, and members told their ban is over. */
  bookingsReminded: number
  bansEnded: number
}

/**
 * The scheduler's message pass: failed subscription messages are tried again (each send keeps
 * its tries, bounded) and those a run died sending are closed, then the booking reminders and
 * ended bans are told, each once. A failure of one part is logged and the rest goes on; the
 * next tick tries again.
 */
export async function tendMessages(now: Date, staleBefore: Date): Promise<MessageReport> {
  const report: MessageReport = {
    sendsRetried: 0,
    sendsSent: 0,
    sendsInterrupted: 0,
    bookingsReminded: 0,
    bansEnded: 0,
  }
  try {
    for (const send of await listDueSends(now, staleBefore, RETRY_BATCH)) {
      if (send.status === 'sending') {
        const left = { status: 'failed' as const, lastError: INTERRUPTED, nextAt: null }
        if (await changeSend(send, { ...left, updatedAt: now })) report.sendsInterrupted += 1
        continue
      }
      report.sendsRetried += 1
      if ((await deliver(send, now)) === 'sent') report.sendsSent += 1
    }
  } catch (error) {
    console.error('[scheduler] could not retry subscription messages', error)
  }
  const venues = new Map<string, StoredVenue | null>()
  const venueOf = async (id: string) => {
    if (!venues.has(id)) venues.set(id, await getVenue(id))
    return venues.get(id) ?? null
  }
  try {
    report.bookingsReminded = await remindBookings(now, venueOf)
  } catch (error) {
    console.error('[scheduler] could not remind bookings', error)
  }
  try {
    report.bansEnded = await tellBansEnded(now)
  } catch (error) {
    console.error('[scheduler] could not tell ended bans', error)
  }
  return report
}
