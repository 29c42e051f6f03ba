import { draw, freeze } from '../jobs/draw'
import { listLotteriesToDraw, listLotteriesToFreeze } from '../store/activities'

/**
 * Lotteries whose window closed are frozen, and those whose draw time came are drawn. One
 * lottery's failure is logged and retried on the next tick; it never stops the others.
 */
export async function runDueDraws(now: Date): Promise<{ frozen: number; drawn: number }> {
  let frozen = 0
  let drawn = 0
  for (const activity of await listLotteriesToFreeze(now)) {
    try {
      await freeze(activity, now)
      frozen += 1
    } catch (error) {
      console.error(`[scheduler] could not freeze ${activity._id}`, error)
    }
  }
  for (const activity of await listLotteriesToDraw(now)) {
    try {
      await draw(activity, now)
      drawn += 1
    } catch (error) {
      console.error(`[scheduler] could not draw ${activity._id}`, error)
    }
  }
  return { frozen, drawn }
}
