import { closeSession, remindSession } from '../jobs/sessions'
import { listAroundSessions } from '../store/activities'

/** Reminders go out once a session is less than a day away. */
const REMIND_AHEAD_MS = 24 * 3_600_000

/**
 * Sessions whose reminder is due (starting within a day) and sessions over whose no-shows are
 * not recorded yet, each once. One session's failure is logged and retried next tick.
 */
export async function tendSessions(now: Date): Promise<{ reminded: number; noShows: number }> {
  let reminded = 0
  let noShows = 0
  for (const activity of await listAroundSessions(now, REMIND_AHEAD_MS)) {
    for (const session of activity.sessions) {
      try {
        const startsSoon =
          session.startAt > now && session.startAt.getTime() - now.getTime() <= REMIND_AHEAD_MS
        if (startsSoon && !activity.remindedSessions?.includes(session.id))
          reminded += await remindSession(activity, session, now)
        if (session.endAt <= now && !activity.closedSessions?.includes(session.id))
          noShows += await closeSession(activity, session, now)
      } catch (error) {
        console.error(`[scheduler] could not tend ${activity._id}/${session.id}`, error)
      }
    }
  }
  return { reminded, noShows }
}
