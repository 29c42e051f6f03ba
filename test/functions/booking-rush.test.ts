import { DEFAULT_BOOKING_POLICY, type BookingPolicy } from '../../cloudfunctions/domain/booking'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { STALE_MS } from '../../cloudfunctions/store/requests'
import { seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import {
  auditBookings,
  fireBookings,
  type BookingAudit,
  type BookingPlan,
  type FiredBooking,
} from '../helpers/booking-rush'
import { percentile } from '../helpers/rush'
import { createVenue, pingPongVenue } from '../helpers/venues'
import { startApiCloud, type ApiCloud } from './api-cloud'

/**
 * Issue 10, part 3: booking rushes against the local cloud, at the sizes. 500 members
 * at once on the same 10 slots; one member firing 30 bookings at once; the members of one
 * 基层工会 (all seeded members share one) against its day cap; then all three at once with
 * random write failures and kills, and the scheduler's tick. After each, the database is read
 * straight (test/helpers/booking-rush.ts).
 */
const MEMBERS = 500
const FAULT_SEED = Number(process.env.RUSH_FAULT_SEED ?? 20250610)
const FAULTS = { writeFailureRate: 0.05, killRate: 0.02, function: 'api' } as const

let api: ApiCloud
let members: SeededMember[]
const tomorrow = addDays(dayOf(new Date()), 1)

/** Tomorrow's slots open now (three days ahead from midnight); what a rush changes is `policy`. */
const POLICY: BookingPolicy = {
  ...DEFAULT_BOOKING_POLICY,
  opens: { daysAhead: 3, at: '00:00' },
  perMemberDay: 2,
  perMemberWeek: 3,
  activeAtOnce: 3,
}

async function venueWith(policy: Partial<BookingPolicy>, tables: number) {
  const params = pingPongVenue(tomorrow, { policy: { ...POLICY, ...policy }, tables, days: 7 })
  const venue = await createVenue(api, params)
  return { ...venue, policy: { ...POLICY, ...policy } }
}

/** 10 slots: 14:00 on each of 10 tables; member i takes table i % 10. */
function onTenSlots(venue: { id: string; tables: string[] }, who: readonly SeededMember[]) {
  return who.map((member, i): BookingPlan => ({
    member,
    venueId: venue.id,
    date: tomorrow,
    resourceId: venue.tables[i % 10],
    start: '14:00',
  }))
}

/** 30 distinct slots of one member: 10 a day over three days, across two tables and hours. */
function thirtyOfOne(venue: { id: string; tables: string[] }, member: SeededMember) {
  return Array.from({ length: 30 }, (_v, i): BookingPlan => ({
    member,
    venueId: venue.id,
    date: addDays(tomorrow, Math.floor(i / 10)),
    resourceId: venue.tables[Math.floor((i % 10) / 5)],
    start: `${12 + (i % 5)}:00`,
  }))
}

/** Distinct slots of one day, one per member: only the 基层工会 cap can refuse. */
function unitRush(venue: { id: string; tables: string[] }, who: readonly SeededMember[]) {
  return who.map((member, i): BookingPlan => ({
    member,
    venueId: venue.id,
    date: tomorrow,
    resourceId: venue.tables[i % venue.tables.length],
    start: `${String(12 + Math.floor(i / venue.tables.length)).padStart(2, '0')}:00`,
  }))
}

function line(name: string, fired: FiredBooking[], wallMs: number, audit: BookingAudit): string {
  const codes: Record<string, number> = {}
  for (const f of fired) {
    const code = f.reply.ok ? 'ok' : f.reply.error.code
    codes[code] = (codes[code] ?? 0) + 1
  }
  const ms = fired.map((f) => f.ms)
  return (
    `[booking rush ${name}] ${fired.length} requests in ${(wallMs / 1000).toFixed(1)} s: ` +
    `${JSON.stringify(codes)}; p50 ${Math.round(percentile(ms, 50))} ms, p99 ` +
    `${Math.round(percentile(ms, 99))} ms; standing ${audit.standing.length}, orphan holds ` +
    `${audit.orphanHolds.length}, unheld ${audit.unheld.length}, over limit ` +
    `${audit.overLimit.length}, double-booked ${audit.doubleBooked}`
  )
}

/** What every rush must leave: counters equal to the bookings, no limit passed, no slot twice. */
function expectSound(audit: BookingAudit) {
  expect({
    orphanHolds: audit.orphanHolds.slice(0, 5),
    unheld: audit.unheld.slice(0, 5),
    miscounted: audit.miscounted.slice(0, 5),
    overLimit: audit.overLimit.slice(0, 5),
    doubleBooked: audit.doubleBooked,
  }).toEqual({ orphanHolds: [], unheld: [], miscounted: [], overLimit: [], doubleBooked: 0 })
}

const audit = (venue: { id: string; policy: BookingPolicy }) =>
  auditBookings(api.cloud.app(), venue.id, venue.policy, new Date())

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), MEMBERS, 'brush')
}, 120_000)
afterAll(async () => {
  await api?.stop()
})

describe('booking rushes', () => {
  it('500 members at once on the same 10 slots: exactly 10 bookings, every other member told', async () => {
    const venue = await venueWith({}, 10)
    const { bookings: fired, wallMs } = await fireBookings(api, onTenSlots(venue, members))
    const after = await audit(venue)
    console.log(line('500 on 10', fired, wallMs, after))
    const accepted = fired.filter((f) => f.reply.ok)
    expect(accepted).toHaveLength(10)
    expect(after.standing).toHaveLength(10)
    const refused = fired.filter((f) => !f.reply.ok)
    const unclear = refused.filter(
      (f) =>
        f.reply.ok ||
        f.reply.error.code !== 'SLOT_TAKEN' ||
        !/^\d+号台 14:00–15:00 已被预约，请选择其他时段$/.test(f.reply.error.message),
    )
    expect(unclear.slice(0, 3)).toEqual([])
    // Each accepted member stands on the booking they were told about.
    const byMember = new Map(after.standing.map((b) => [b.memberId, b]))
    for (const f of accepted) expect(byMember.get(f.member.memberId)?.resourceId).toBe(f.resourceId)
    expectSound(after)
  }, 120_000)

  it('one member firing 30 bookings at once never ends above any limit', async () => {
    const venue = await venueWith({}, 4)
    const { bookings: fired, wallMs } = await fireBookings(api, thirtyOfOne(venue, members[0]))
    const after = await audit(venue)
    console.log(line('30 of one', fired, wallMs, after))
    const accepted = fired.filter((f) => f.reply.ok)
    expect(after.standing).toHaveLength(accepted.length)
    expect(accepted.length).toBeGreaterThanOrEqual(1)
    expect(accepted.length).toBeLessThanOrEqual(POLICY.activeAtOnce)
    const perDay = new Map<string, number>()
    for (const b of after.standing) perDay.set(b.date, (perDay.get(b.date) ?? 0) + 1)
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(POLICY.perMemberDay)
    const limits = fired
      .filter((f) => !f.reply.ok)
      .map((f) => (f.reply.ok ? '' : f.reply.error.code))
    expect(new Set(limits)).toEqual(new Set(['BOOKING_LIMIT']))
    expectSound(after)
  }, 60_000)

  it('members of one 基层工会 rushing never pass its day cap', async () => {
    const venue = await venueWith({ perUnitDay: 8 }, 12)
    const { bookings: fired, wallMs } = await fireBookings(
      api,
      unitRush(venue, members.slice(0, 100)),
    )
    const after = await audit(venue)
    console.log(line('one 基层工会', fired, wallMs, after))
    expect(after.standing).toHaveLength(8)
    expect(fired.filter((f) => f.reply.ok)).toHaveLength(8)
    const refused = fired.filter((f) => !f.reply.ok)
    expect(
      refused.filter((f) => f.reply.ok || f.reply.error.code !== 'BOOKING_LIMIT').slice(0, 3),
    ).toEqual([])
    expect(refused[0]?.reply).toMatchObject({
      error: { message: expect.stringContaining('同一基层工会每天最多预约8个时段') },
    })
    expectSound(after)
  }, 60_000)

  it('all three with write failures and kills: after the scheduler’s tick the counters equal the bookings', async () => {
    const ten = await venueWith({}, 10)
    const one = await venueWith({}, 4)
    const unit = await venueWith({ perUnitDay: 8 }, 12)
    const plans = [
      ...onTenSlots(ten, members.slice(100, 400)),
      ...thirtyOfOne(one, members[1]),
      ...unitRush(unit, members.slice(400, 500)),
    ]
    await api.cloud.setFaults({ seed: FAULT_SEED, ...FAULTS })
    let run: Awaited<ReturnType<typeof fireBookings>>
    let injected: string
    try {
      run = await fireBookings(api, plans)
      const report = await api.cloud.faults()
      const kinds = report.injected.map((e) => e.kind)
      injected = `${kinds.filter((k) => k === 'fail').length} writes failed, ${kinds.filter((k) => k === 'kill').length} invocations killed, of ${report.writes} writes`
    } finally {
      await api.cloud.clearFaults()
    }
    console.log(`[booking rush faults] seed ${FAULT_SEED} ${JSON.stringify(FAULTS)}: ${injected}`)

    const logFrom = api.cloud.output().length
    let audits: BookingAudit[] = []
    try {
      // Past STALE_MS, so every leftover is due; ticks until no dead claim is left to resume
      // (each tick resumes a batch), then the counters must equal the bookings.
      await api.shiftClock(STALE_MS + 60_000)
      for (let tick = 0; tick < 15; tick += 1) {
        expect((await api.cloud.post('/dev/trigger/scheduler')).status).toBe(200)
        const stale = await api.cloud
          .app()
          .database()
          .collection('requests')
          .where({ status: 'pending', action: 'booking.create' })
          .count()
        if ((stale as { total: number }).total === 0) break
      }
      const now = () => new Date(Date.now() + STALE_MS + 60_000)
      const read = () =>
        Promise.all(
          [ten, one, unit].map((v) => auditBookings(api.cloud.app(), v.id, v.policy, now())),
        )
      audits = await read()
      for (let i = 0; i < 20 && audits.some((a) => a.orphanHolds.length + a.unheld.length); i++) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        audits = await read()
      }
      const ticks = api.cloud
        .output()
        .slice(logFrom)
        .split('\n')
        .filter((l) => l.startsWith('[scheduler] '))
        .map((l) => {
          const report = JSON.parse(l.slice(12)) as { requestsResumed?: number; bookings?: object }
          return JSON.stringify({ resumed: report.requestsResumed, ...report.bookings })
        })
      console.log(`[booking rush faults] scheduler runs (bookings part): ${ticks.join(' ')}`)
    } finally {
      await api.shiftClock(0)
    }
    const [tenAudit, oneAudit, unitAudit] = audits
    console.log(line('faults: 300 on 10', run.bookings.slice(0, 300), run.wallMs, tenAudit))
    console.log(line('faults: 30 of one', run.bookings.slice(300, 330), run.wallMs, oneAudit))
    console.log(line('faults: one 基层工会', run.bookings.slice(330), run.wallMs, unitAudit))
    for (const a of audits) expectSound(a)
    expect(tenAudit.standing.length).toBeLessThanOrEqual(10)
    expect(unitAudit.standing.length).toBeLessThanOrEqual(8)
    expect(oneAudit.standing.length).toBeLessThanOrEqual(POLICY.activeAtOnce)
    // Every member told 预约成功 stands on that booking.
    const standing = new Set(audits.flatMap((a) => a.standing.map((b) => `${b.memberId}|${b._id}`)))
    const told = run.bookings.filter((f) => f.reply.ok)
    const lost = told.filter(
      (f) =>
        f.reply.ok &&
        !f.reply.data.bookings.every((b) => standing.has(`${f.member.memberId}|${b.id}`)),
    )
    expect(lost.slice(0, 3)).toEqual([])
  }, 180_000)
})
