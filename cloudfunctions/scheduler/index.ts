import type { ApiReply } from '../contract/errors'
import { app } from '../store/db'
import { countBecameVisible } from '../store/notices'
import { listStaleRequests, STALE_MS } from '../store/requests'
import { repairSeats } from './seats'
import { repairBookings, type BookingRepairReport } from './bookings'
import { runDueDraws } from './draws'
import { announceDraws } from './news'
import { tendLotteries } from './offers'
import { tendSessions } from './sessions'
import { tendMessages, type MessageReport } from './subscribe'

/** The timer fires every minute; each tick looks back over the minute it covers. */
const TICK_MS = 60_000
/** Resumed per tick; a backlog is worked off over the next ticks. */
const RESUME_BATCH = 20

export interface SchedulerReport {
  at: string
  /** Scheduled notices whose publish time came during this tick. */
  noticesNowVisible: number
  /** Writes that died or failed half-way and were finished now, by the api function. */
  requestsResumed: number
  /** First-come seats and entries brought back into agreement (a signup or cancel that died). */
  seatsRepaired: number
  /** Lotteries whose entrant lists were frozen, and lotteries drawn, this tick. */
  draws: { frozen: number; drawn: number }
  /** Drawn seats: repaired after a dead run, released at their deadline, offered down the waitlist. */
  offers: { repaired: number; released: number; made: number }
  /** Members sent their draw result (消息) this tick. */
  drawResultsTold: number
  /** Tickets reminded the day before, and tickets recorded as no-shows after their session. */
  sessions: { reminded: number; noShows: number }
  /** Venue bookings: no-shows marked, credit completed, limit counters repaired. */
  bookings: BookingRepairReport
  /** Subscription messages retried, booking reminders and ended bans told. */
  messages: MessageReport
}

/**
 * Runs due work on the timer. Notices need none: a scheduled notice becomes visible by its
 * publish time at read time, so the tick only reports how many came due. Writes left half-done
 * by a crash are finished here (the repair that makes "killed between two writes" lose nothing).
 * Draws, offers, reminders and no-shows join here as they arrive.
 */
export async function main(): Promise<SchedulerReport> {
  const now = new Date()
  const noticesNowVisible = await countBecameVisible(new Date(now.getTime() - TICK_MS), now)
  const staleBefore = new Date(now.getTime() - STALE_MS)
  // Runs that died are finished first, by their own handlers; what is left is then repaired.
  const requestsResumed = await resumeStaleRequests(staleBefore)
  const seatsRepaired = await repairSeats(now, staleBefore)
  const bookings = await repairBookings(now, staleBefore)
  const draws = await runDueDraws(now)
  const drawResultsTold = await announceDraws(now)
  const tended = await tendLotteries(now, staleBefore)
  const offers = {
    repaired: tended.repaired,
    released: tended.released.length,
    made: tended.offers.length,
  }
  const sessions = await tendSessions(now)
  // Last: what the steps above posted is already sent; this retries what failed before.
  const messages = await tendMessages(now, staleBefore)
  const report = {
    at: now.toISOString(),
    noticesNowVisible,
    requestsResumed,
    seatsRepaired,
    draws,
    drawResultsTold,
    offers,
    sessions,
    bookings,
    messages,
  }
  console.log('[scheduler]', JSON.stringify(report))
  return report
}

/** The api function finishes each (it holds the handlers); one failure does not stop the rest. */
async function resumeStaleRequests(staleBefore: Date): Promise<number> {
  let finished = 0
  for (const key of await listStaleRequests(staleBefore, RESUME_BATCH)) {
    try {
      const res = await app().callFunction({ name: 'api', data: { resume: key } })
      const reply = res.result as ApiReply<string>
      if (reply.ok && reply.data === 'finished') finished += 1
    } catch (error) {
      console.error(`[scheduler] could not resume ${key}`, error)
    }
  }
  return finished
}
