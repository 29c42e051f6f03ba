import type { ParamsOf } from '../../cloudfunctions/contract'
import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../../cloudfunctions/domain/booking'
import { addDays, atLocal } from '../../cloudfunctions/domain/time'
import type { ApiCloud } from '../functions/api-cloud'

/** The staff identity that creates venues in tests. */
export const VENUE_STAFF = 'dev-staff-1'

type VenueParams = ParamsOf<'venue.create'>

/**
 * The ping-pong venue of the centre's notice: 4 tables, open daily 12:00–20:30 from `from` for
 * `days` days, hourly with a last half-hour slot; what a test changes is passed as `over`.
 */
export function pingPongVenue(
  from: string,
  over: { policy?: Partial<BookingPolicy>; days?: number; tables?: number } = {},
): VenueParams {
  const tables = over.tables ?? 4
  return {
    name: '省职工服务中心三楼展厅（乒乓球）',
    address: '杭州市西湖区学院路107号',
    phone: '0571-56000319',
    notes: '请穿运动鞋入场。',
    resources: Array.from({ length: tables }, (_v, i) => ({ name: `${i + 1}号台` })),
    calendar: {
      from,
      to: addDays(from, (over.days ?? 30) - 1),
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      hours: { open: '12:00', close: '20:30' },
      slotMinutes: 60,
      remainder: 'shorter-last',
      exceptions: [],
      blocks: [],
    },
    policy: { ...DEFAULT_BOOKING_POLICY, ...over.policy },
    status: 'published',
  }
}

let made = 0

/** Creates a venue through the api as staff; answers its id and the tables' ids in order. */
export async function createVenue(
  api: Pick<ApiCloud, 'write' | 'ok'>,
  params: VenueParams,
): Promise<{ id: string; tables: string[] }> {
  made += 1
  const venue = api.ok(
    await api.write(VENUE_STAFF, 'venue.create', `venue_${process.pid}_${Date.now()}_${made}`, {
      ...params,
    }),
  )
  return { id: venue.id, tables: venue.resourceList.map((r) => r.id) }
}

/** The clock offset that makes "now" the Beijing wall-clock `time` of `date`. */
export function offsetTo(date: string, time: string, seconds = 0): number {
  return atLocal(date, time).getTime() + seconds * 1000 - Date.now()
}
