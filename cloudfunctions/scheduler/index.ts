import { countBecameVisible } from '../store/notices'

/** The timer fires every minute; each tick looks back over the minute it covers. */
const TICK_MS = 60_000

export interface SchedulerReport {
  at: string
  /** Scheduled notices whose publish time came during this tick. */
  noticesNowVisible: number
}

/**
 * Runs due work on the timer. Notices need none: a scheduled notice becomes visible by its
 * publish time at read time, so the tick only reports how many came due. Draws, offers,
 * reminders and no-shows join here as they arrive.
 */
export async function main(): Promise<SchedulerReport> {
  const now = new Date()
  const noticesNowVisible = await countBecameVisible(new Date(now.getTime() - TICK_MS), now)
  const report = { at: now.toISOString(), noticesNowVisible }
  console.log('[scheduler]', JSON.stringify(report))
  return report
}
