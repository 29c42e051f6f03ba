import type { ActionName } from '../../cloudfunctions/contract'
import {
  bookingRefOf,
  counterIdsOf,
  newBookings,
  type BookingRecord,
} from '../../cloudfunctions/domain/booking'
import { addDays, dayOf, local } from '../../cloudfunctions/domain/time'
import { slotsOf } from '../../cloudfunctions/domain/venue'
import type { ApiCloud } from '../functions/api-cloud'
import { createVenue, pingPongVenue } from './venues'

/**
 * The venue and booking cases of test/functions/faults.test.ts (its `FaultCase` shape): each
 * run gets a venue of its own, so the per-venue limit counters of one run never meet another's.
 */
export interface BookingFaultCase {
  action: ActionName
  variant?: string
  actor: string
  prepare(n: number): Promise<Record<string, unknown>>
  effect(payload: Record<string, unknown>): Promise<unknown>
}

export interface BookingFaultDeps {
  api(): ApiCloud
  /** The test's clock offset, ms. */
  offset(): number
  member: { openid: string; memberId: string; unit: string }
  /** A registry member staff act for. */
  other: { memberId: string; unit: string }
  staff: string
  checker: string
}

let serial = 0
const rid = (label: string) => `${label}_${process.pid}_${Date.now()}_${(serial += 1)}`

export function bookingFaultCases(deps: BookingFaultDeps): BookingFaultCase[] {
  const now = () => new Date(Date.now() + deps.offset())
  const db = () => deps.api().cloud.app().database()

  /** Open all day, every day from yesterday; tomorrow's slots bookable now. */
  const allDay = (over: Parameters<typeof pingPongVenue>[1] = {}) => {
    const params = pingPongVenue(addDays(dayOf(now()), -1), { days: 10, ...over })
    params.calendar.hours = { open: '00:00', close: '24:00' }
    return params
  }
  const policy = {
    opens: { daysAhead: 3, at: '00:00' },
    perMemberDay: 3,
    perMemberWeek: 10,
    activeAtOnce: 5,
    checkIn: { beforeMinutes: 240, afterMinutes: 30 },
    // The clock jumps past the dev member's bookings: their no-shows must not ban the member
    // the other cases sign up and book for.
    noShowBan: null,
  }
  const venueOf = (params = allDay({ policy })) => createVenue(deps.api(), params)
  const tomorrow = () => addDays(dayOf(now()), 1)
  /** A slot starting one to two hours from now: its check-in is open now. */
  const soon = () => {
    const start = local(new Date(now().getTime() + 2 * 3_600_000)).startOf('hour')
    return { date: start.format('YYYY-MM-DD'), start: start.format('HH:mm') }
  }

  const book = async (
    openid: string,
    venueId: string,
    table: string,
    date: string,
    start: string,
  ) =>
    deps.api().ok(
      await deps.api().write(openid, 'booking.create', rid('fb'), {
        venueId,
        date,
        picks: [{ resourceId: table, start }],
      }),
    ).bookings[0]

  /** A booking straight into the database, as the scheduler would have left it. */
  const seeded = async (
    venue: { id: string; tables: string[] },
    change: Partial<BookingRecord>,
  ): Promise<BookingRecord> => {
    const params = allDay({ policy })
    const date = addDays(dayOf(now()), -1)
    const slot = slotsOf(params.calendar as Parameters<typeof slotsOf>[0], date)[10]
    const [booking] = newBookings(
      venue.id,
      {
        resource: {
          _id: venue.tables[0],
          venueId: venue.id,
          name: '1号台',
          order: 1,
          active: true,
        },
        slots: [slot],
      },
      date,
      {
        memberId: deps.member.memberId,
        unit: deps.member.unit,
        requestKey: rid('seeded'),
        actor: deps.member.openid,
        byStaff: false,
        now: now(),
      },
    )
    const record = { ...booking, status: 'noShow' as const, noShowAt: slot.endAt, ...change }
    await db().collection('bookings').add(record)
    return record
  }

  /** A venue's bookings and the member's counters, as stored. */
  const bookingEffect = (memberId: string, unit: string) => async (p: Record<string, unknown>) => {
    const venueId = String(p.venueId ?? venueOfRun.get(String(p.bookingId ?? p.code ?? p.id)))
    const res = (await db().collection('bookings').where({ venueId }).get()) as {
      data: Array<{ _id: string; status: string; date: string }>
    }
    const dates = [...new Set(res.data.map((b) => b.date)), tomorrow()]
    const ids = dates.flatMap((date) => counterIdsOf({ venueId, memberId, unit, date }))
    const counters = (await db()
      .collection('bookingCounters')
      .where({ _id: db().command.in([...new Set(ids)]) })
      .get()) as { data: Array<{ _id: string; n: number; holds: object }> }
    return {
      bookings: res.data.map((b) => [b._id.includes('~'), b.status]).sort(),
      counters: counters.data
        .map((c) => [c._id.slice(0, 2), c.n, Object.keys(c.holds).length])
        .sort(),
    }
  }
  const venueOfRun = new Map<string, string>()
  const audited = async (action: string, target: string) =>
    (
      (await db().collection('audit').where({ action, targets: target }).count()) as {
        total: number
      }
    ).total

  const memberEffect = bookingEffect(deps.member.memberId, deps.member.unit)
  const otherEffect = bookingEffect(deps.other.memberId, deps.other.unit)

  return [
    {
      action: 'venue.create',
      actor: deps.staff,
      prepare: async (n) => ({ ...allDay(), name: `故障测试场馆 ${n}` }),
      async effect(p) {
        const made = (await db().collection('venues').where({ name: p.name }).get()) as {
          data: Array<{ _id: string; version: number }>
        }
        let audits = 0
        for (const v of made.data) audits += await audited('venue.create', v._id)
        return { venues: made.data.length, versions: made.data.map((v) => v.version), audits }
      },
    },
    {
      action: 'venue.update',
      actor: deps.staff,
      async prepare() {
        const venue = await venueOf()
        const date = tomorrow()
        await book(deps.member.openid, venue.id, venue.tables[0], date, '12:00')
        const params = allDay({ policy })
        params.calendar.exceptions = [{ date, hours: null, reason: '故障测试闭馆' }]
        venueOfRun.set(venue.id, venue.id)
        return { ...params, id: venue.id, version: 1 }
      },
      async effect(p) {
        const res = (await db().collection('venues').doc(String(p.id)).get()) as {
          data: Array<{ version: number }>
        }
        return {
          version: res.data[0]?.version,
          audits: await audited('venue.update', String(p.id)),
          ...(await memberEffect(p)),
        }
      },
    },
    {
      action: 'booking.create',
      actor: deps.member.openid,
      async prepare() {
        const venue = await venueOf()
        return {
          venueId: venue.id,
          date: tomorrow(),
          picks: [
            { resourceId: venue.tables[1], start: '12:00' },
            { resourceId: venue.tables[1], start: '13:00' },
          ],
        }
      },
      effect: memberEffect,
    },
    {
      action: 'booking.create',
      variant: 'over a cancelled booking of the slot',
      actor: deps.member.openid,
      async prepare() {
        const venue = await venueOf()
        const first = await book(deps.member.openid, venue.id, venue.tables[2], tomorrow(), '15:00')
        deps
          .api()
          .ok(
            await deps
              .api()
              .write(deps.member.openid, 'booking.cancel', rid('fc'), { bookingId: first.id }),
          )
        return {
          venueId: venue.id,
          date: tomorrow(),
          picks: [{ resourceId: venue.tables[2], start: '15:00' }],
        }
      },
      effect: memberEffect,
    },
    {
      action: 'booking.cancel',
      actor: deps.member.openid,
      async prepare() {
        const venue = await venueOf()
        const made = await book(deps.member.openid, venue.id, venue.tables[0], tomorrow(), '14:00')
        venueOfRun.set(made.id, venue.id)
        return { bookingId: made.id }
      },
      effect: memberEffect,
    },
    {
      action: 'booking.createFor',
      actor: deps.staff,
      async prepare() {
        const venue = await venueOf()
        return {
          memberId: deps.other.memberId,
          venueId: venue.id,
          date: tomorrow(),
          picks: [{ resourceId: venue.tables[3], start: '16:00' }],
        }
      },
      async effect(p) {
        return {
          ...(await otherEffect(p)),
          audits: (await audited('booking.createFor', deps.other.memberId)) > 0,
        }
      },
    },
    {
      action: 'booking.cancelFor',
      actor: deps.staff,
      async prepare() {
        const venue = await venueOf()
        const made = deps.api().ok(
          await deps.api().write(deps.staff, 'booking.createFor', rid('fcf'), {
            memberId: deps.other.memberId,
            venueId: venue.id,
            date: tomorrow(),
            picks: [{ resourceId: venue.tables[0], start: '17:00' }],
          }),
        ).bookings[0]
        venueOfRun.set(made.id, venue.id)
        return { memberId: deps.other.memberId, bookingId: made.id, reason: '会员来电取消' }
      },
      effect: otherEffect,
    },
    {
      action: 'booking.checkIn',
      actor: deps.checker,
      async prepare() {
        const venue = await venueOf()
        const { date, start } = soon()
        const made = await book(deps.member.openid, venue.id, venue.tables[0], date, start)
        const own = deps
          .api()
          .ok(await deps.api().call(deps.member.openid, 'booking.get', { id: made.ref }))
        const code = String((own as { code?: string }).code)
        venueOfRun.set(code, venue.id)
        return { code }
      },
      async effect(p) {
        const venueId = String(venueOfRun.get(String(p.code)))
        const res = (await db().collection('bookings').where({ venueId }).get()) as {
          data: Array<{ status: string; checkedInBy: string | null }>
        }
        return res.data.map((b) => [b.status, b.checkedInBy])
      },
    },
    {
      action: 'booking.appeal',
      actor: deps.member.openid,
      async prepare(n) {
        const venue = await venueOf()
        const booking = await seeded(venue, {})
        return { bookingId: booking._id, note: `故障测试申诉 ${n}` }
      },
      async effect(p) {
        const res = (await db().collection('bookings').doc(String(p.bookingId)).get()) as {
          data: Array<{ status: string; appeal: { status: string; note: string } | null }>
        }
        const b = res.data[0]
        return {
          status: b?.status,
          appeal: b?.appeal ? [b.appeal.status, b.appeal.note === p.note] : null,
        }
      },
    },
    {
      action: 'booking.resolveAppeal',
      actor: deps.staff,
      async prepare() {
        const venue = await venueOf()
        const appeal = {
          note: '堵车',
          at: now(),
          status: 'open' as const,
          reason: null,
          decidedBy: null,
          decidedAt: null,
        }
        const booking = await seeded(venue, { appeal })
        const ref = bookingRefOf(booking)
        // The member's credit holds this no-show and one other, a ticket's.
        const credit = (await db().collection('credit').doc(deps.member.memberId).get()) as {
          data: Array<{ noShows: Array<{ ref: string }> }>
        }
        if (credit.data.length === 0)
          await db()
            .collection('credit')
            .add({
              _id: deps.member.memberId,
              noShows: [{ kind: 'booking', ref, at: now() }],
              bannedUntil: null,
              version: 1,
            })
        else
          await db()
            .collection('credit')
            .doc(deps.member.memberId)
            .update({ noShows: db().command.push([{ kind: 'booking', ref, at: now() }]) })
        venueOfRun.set(booking._id, ref)
        return { bookingId: booking._id, decision: 'clear', reason: '核实属实' }
      },
      async effect(p) {
        const res = (await db().collection('bookings').doc(String(p.bookingId)).get()) as {
          data: Array<{ appeal: { status: string } | null }>
        }
        const credit = (await db().collection('credit').doc(deps.member.memberId).get()) as {
          data: Array<{ noShows: Array<{ ref: string }> }>
        }
        const ref = venueOfRun.get(String(p.bookingId))
        return {
          appeal: res.data[0]?.appeal?.status,
          inCredit: (credit.data[0]?.noShows ?? []).filter((x) => x.ref === ref).length,
          audits: await audited('booking.resolveAppeal', String(p.bookingId)),
        }
      },
    },
  ]
}
