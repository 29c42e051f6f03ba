import type { ActivityFields, ManagedActivity } from '../../cloudfunctions/contract'
import { openActivity } from '../helpers/activities'
import { STAFF, rid, type ApiCloud } from './api-cloud'

/**
 * What the draw's function tests share: a lottery published through the api on the cloud's
 * clock, and that clock moved on with one scheduler tick after each move.
 */
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const iso = (ms: number) => new Date(ms).toISOString()

export interface Timeline {
  /** The cloud's clock now. */
  now(): number
  /** Moves the cloud's clock on by `ms` and runs one scheduler tick to its end. */
  later(ms: number): Promise<void>
}

export function timeline(api: () => ApiCloud): Timeline {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    async later(ms) {
      offset += ms
      await api().shiftClock(offset)
      expect((await api().cloud.post('/dev/trigger/scheduler')).status).toBe(200)
    },
  }
}

/**
 * A lottery open now with one session `startIn` from now of `seats` seats, closing in a day and
 * drawn a day after that; `over` changes any other setting.
 */
export async function publishLottery(
  api: ApiCloud,
  now: number,
  title: string,
  session: { startIn: number; seats: number },
  over: Partial<ActivityFields> = {},
): Promise<ManagedActivity> {
  const startAt = now + session.startIn
  const draft = api.ok<ManagedActivity>(
    await api.write(
      STAFF,
      'activity.create',
      rid('lot'),
      openActivity(now, {
        title,
        allocation: 'lottery',
        sessions: [{ startAt: iso(startAt), endAt: iso(startAt + 2 * HOUR), seats: session.seats }],
        signupClosesAt: iso(now + DAY),
        drawAt: iso(now + 2 * DAY),
        ...over,
      }),
    ),
  )
  return api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: draft.id }))
}
