import { tendSession, type TendReport } from '../jobs/offers'
import { listDrawnLotteries } from '../store/activities'

/**
 * Every drawn lottery session not yet over, on each tick: what dead runs left is finished, wins
 * and offers whose deadline passed give their seats back, and free seats are offered down the
 * waitlist. One session's failure is logged and retried next tick.
 */
export async function tendLotteries(now: Date, staleBefore: Date): Promise<TendReport> {
  const total: TendReport = { repaired: 0, released: [], offers: [] }
  for (const activity of await listDrawnLotteries(now)) {
    for (const session of activity.sessions) {
      if (session.endAt <= now) continue
      try {
        const report = await tendSession(activity, session, now, staleBefore)
        total.repaired += report.repaired
        total.released.push(...report.released)
        total.offers.push(...report.offers)
      } catch (error) {
        console.error(`[scheduler] could not tend ${activity._id}/${session.id}`, error)
      }
    }
  }
  return total
}
