import { announceDraw } from '../jobs/news'
import { listDrawnLotteries } from '../store/activities'
import { getDraw } from '../store/draws'

/**
 * Tells the members of every drawn lottery their result, a batch per session per tick, so the
 * tick stays short however big the lottery; the record keeps how far it got.
 */
export async function announceDraws(now: Date): Promise<number> {
  let told = 0
  for (const activity of await listDrawnLotteries(now)) {
    for (const session of activity.sessions) {
      try {
        const record = await getDraw(activity._id, session.id)
        if (record) told += await announceDraw(activity, record, now)
      } catch (error) {
        console.error(`[scheduler] could not announce ${activity._id}/${session.id}`, error)
      }
    }
  }
  return told
}
