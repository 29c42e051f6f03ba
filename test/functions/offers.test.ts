import type { DrawRecord, ManagedActivity, MyEntry } from '../../cloudfunctions/contract'
import { seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'
import { DAY, HOUR, MINUTE, publishLottery, timeline } from './lottery-timeline'

/**
 * Issue 9, items 5 and 8: every way a won seat is freed — 我去不了了, staff cancelling, an offer
 * declined, an offer or a confirmation running out — offers it exactly once, to the first
 * waitlisted entry in draw order whose whole party fits, and never once the session started.
 * The draw's seed is random, so each step works out from the published record and the entries
 * who should get the next offer, then checks the database gave it to exactly them.
 */
const SEATS = 4

let api: ApiCloud
let members: SeededMember[]
const clock = timeline(() => api)
const later = clock.later

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), 14, 'offer')
})
afterAll(async () => {
  await api?.stop()
})

interface Row {
  id: string
  memberId: string
  status: string
  size: number
}

async function entriesOf(activityId: string): Promise<Map<string, Row>> {
  const rows = (await api.documents('entries')).filter((e) => e.activityId === activityId)
  return new Map(
    rows.map((e) => [
      String(e._id),
      {
        id: String(e._id),
        memberId: String(e.memberId),
        status: String(e.status),
        size: Number(e.partySize),
      },
    ]),
  )
}

async function seatOf(activityId: string) {
  const seat = (await api.documents('seats')).find((s) => s._id === `${activityId}_s1`)
  return seat as { seats: number; taken: number; holders: Record<string, { size: number }> }
}

const HOLDING = ['won', 'offered', 'checkedIn', 'noShow']

/** The seat document agrees with the entries: taken = the parties that hold, seats never passed. */
async function expectSeatsAgree(activityId: string): Promise<void> {
  const [seat, entries] = await Promise.all([seatOf(activityId), entriesOf(activityId)])
  const holding = [...entries.values()].filter((e) => HOLDING.includes(e.status))
  expect(Object.keys(seat.holders).sort()).toEqual(holding.map((e) => e.id).sort())
  expect(seat.taken).toBe(holding.reduce((sum, e) => sum + e.size, 0))
  expect(seat.taken).toBeLessThanOrEqual(seat.seats)
}

/**
 * Who the free seats go to, in order: walk the waitlist in draw order, each still waiting
 * entry whose party fits what is left takes it.
 */
function expectedOffers(record: DrawRecord, entries: Map<string, Row>, free: number): string[] {
  const picked: string[] = []
  for (const id of record.waitlist) {
    const e = entries.get(id)
    if (!e || e.status !== 'waitlisted' || e.size > free) continue
    picked.push(id)
    free -= e.size
  }
  return picked
}

const offered = (entries: Map<string, Row>) =>
  [...entries.values()].filter((e) => e.status === 'offered').map((e) => e.id)

const openidOf = (row: Row) => {
  const member = members.find((m) => m.memberId === row.memberId)
  if (!member) throw new Error(`no member ${row.memberId}`)
  return member.openid
}

describe('seats given back pass down the waitlist, each exactly once', () => {
  let activity: ManagedActivity
  let record: DrawRecord
  let startAt: number

  /** Frees one seat-holding entry with `free`, then checks the new offers are exactly the expected. */
  async function freeing(row: Row, free: () => Promise<unknown>): Promise<string[]> {
    const before = await entriesOf(activity.id)
    const seat = await seatOf(activity.id)
    const released = seat.seats - seat.taken + row.size
    const expected = expectedOffers(record, before, released)
    await free()
    const after = await entriesOf(activity.id)
    expect(after.get(row.id)?.status).toBe('cancelled')
    const fresh = offered(after).filter((id) => !offered(before).includes(id))
    expect(fresh.sort()).toEqual([...expected].sort())
    await expectSeatsAgree(activity.id)
    return expected
  }

  it('draws a lottery whose winners hold their seats in one seat document', async () => {
    const now = clock.now()
    startAt = now + 5 * DAY
    activity = await publishLottery(api, now, '递补测试', { startIn: 5 * DAY, seats: SEATS })
    for (const [i, m] of members.entries()) {
      // Parties of 1, 2 and 3, so a big party may be passed over for one that fits.
      const companions = Array.from({ length: i % 3 }, (_, k) => ({ name: `同行${k}` }))
      api.ok(
        await api.write(m.openid, 'entry.submit', rid('in'), {
          activityId: activity.id,
          sessionId: 's1',
          companions,
        }),
      )
    }
    await later(2 * DAY + MINUTE)
    record = api.ok(
      await api.call(STAFF, 'draw.record', { activityId: activity.id, sessionId: 's1' }),
    )
    expect(record.seed).not.toBeNull()
    const entries = await entriesOf(activity.id)
    expect(record.winners.every((id) => entries.get(id)?.status === 'won')).toBe(true)
    await expectSeatsAgree(activity.id)
    // The draw may leave a seat a big party could not take; the first tick offers it on.
    expect(offered(entries)).toEqual([])
  })

  it('我去不了了: a confirmed winner gives the ticket back and the seats are offered on', async () => {
    const entries = await entriesOf(activity.id)
    const winner = entries.get(record.winners[0]) as Row
    const me = openidOf(winner)
    api.ok(await api.write(me, 'entry.confirm', rid('cf'), { activityId: activity.id }))
    const before = clock.now()
    const offers = await freeing(winner, async () => {
      const gone = api.ok<MyEntry>(
        await api.write(me, 'entry.cancel', rid('back'), { activityId: activity.id }),
      )
      expect(gone).toMatchObject({ status: 'cancelled', ticketCode: null })
      expect(gone.cancelReason).toContain('我去不了了')
    })
    expect(offers.length).toBeGreaterThan(0)
    const mine = api.ok<{ items: MyEntry[] }>(
      await api.call(openidOf(entries.get(offers[0]) as Row), 'entry.mine', {}),
    ).items[0]
    expect(mine).toMatchObject({ status: 'offered', actions: ['confirm', 'cancel'] })
    // 12 hours from the moment it was offered (the policy's default).
    const until = Date.parse(mine.offerUntil ?? '')
    expect(until).toBeGreaterThanOrEqual(before + 12 * HOUR)
    expect(until).toBeLessThanOrEqual(clock.now() + 12 * HOUR)
  })

  it('accepting an offer gives a ticket; staff cancelling that ticket offers it on', async () => {
    const entries = await entriesOf(activity.id)
    const first = entries.get(offered(entries)[0]) as Row
    const accepted = api.ok<MyEntry>(
      await api.write(openidOf(first), 'entry.confirm', rid('acc'), { activityId: activity.id }),
    )
    expect(accepted.status).toBe('won')
    expect(accepted.ticketCode).toMatch(/^T/)
    await freeing({ ...first, status: 'won' }, async () => {
      api.ok(
        await api.write(STAFF, 'entry.cancelFor', rid('staff'), {
          memberId: first.memberId,
          activityId: activity.id,
          reason: '会员电话告知不能参加',
        }),
      )
    })
  })

  it('放弃递补 declines an offer, which passes to the next who fits', async () => {
    const entries = await entriesOf(activity.id)
    const row = entries.get(offered(entries)[0]) as Row
    await freeing(row, async () => {
      const declined = api.ok<MyEntry>(
        await api.write(openidOf(row), 'entry.cancel', rid('no'), { activityId: activity.id }),
      )
      expect(declined.cancelReason).toBe('已放弃递补名额')
    })
  })

  it('an offer not answered in time passes on at the next tick, once', async () => {
    const entries = await entriesOf(activity.id)
    const waiting = offered(entries)
    expect(waiting.length).toBeGreaterThan(0)
    // Answer all but one, so exactly one runs out.
    for (const id of waiting.slice(1)) {
      const row = entries.get(id) as Row
      api.ok(
        await api.write(openidOf(row), 'entry.confirm', rid('ok'), { activityId: activity.id }),
      )
    }
    const row = entries.get(waiting[0]) as Row
    await freeing(row, async () => {
      await later(12 * HOUR + MINUTE)
    })
    // The next tick finds nothing more to do here.
    const settled = await entriesOf(activity.id)
    await later(MINUTE)
    expect(await entriesOf(activity.id)).toEqual(settled)
    const reason = (await api.documents('entries')).find((e) => e._id === row.id)?.cancelReason
    expect(reason).toBe('递补名额未在期限内确认，已顺延给下一位')
  })

  it('a win not confirmed by its deadline is released and offered on', async () => {
    const entries = await entriesOf(activity.id)
    // Every offer made so far is accepted, so the expiry below is the only seat freed.
    for (const id of offered(entries)) {
      const row = entries.get(id) as Row
      api.ok(
        await api.write(openidOf(row), 'entry.confirm', rid('ok'), { activityId: activity.id }),
      )
    }
    const confirmedIds = (await api.documents('entries'))
      .filter((e) => e.activityId === activity.id && e.confirmedAt)
      .map((e) => String(e._id))
    const unconfirmed = record.winners
      .map((id) => entries.get(id) as Row)
      .filter((e) => e.status === 'won' && !confirmedIds.includes(e.id))
    const row = unconfirmed[0]
    if (!row) throw new Error('every winner confirmed: the draw left none to expire')
    // The others confirm, so this one is the only seat freed at the deadline.
    for (const other of unconfirmed.slice(1))
      api.ok(
        await api.write(openidOf(other), 'entry.confirm', rid('ok'), { activityId: activity.id }),
      )
    await freeing(row, async () => {
      // A day to confirm from the draw: a minute past that.
      await later(Date.parse(record.drawnAt ?? '') + DAY + MINUTE - clock.now())
    })
    const reasons = (await api.documents('entries'))
      .filter((e) => e.activityId === activity.id)
      .map((e) => e.cancelReason)
    expect(reasons.filter((r) => r === '未在期限内确认参加，名额已释放')).toHaveLength(1)
  })

  it('never offers once the session has started', async () => {
    // An offer made the day of the show runs to the start, not 12 hours past it.
    const now = clock.now()
    await later(startAt - now - 2 * HOUR)
    const entries = await entriesOf(activity.id)
    const holder = [...entries.values()].find((e) => e.status === 'won')
    const waiting = [...entries.values()].filter((e) => e.status === 'waitlisted')
    expect(holder && waiting.length > 0).toBe(true)
    // Past the cut-off a member cannot give back; staff can, and the offer's deadline is the start.
    api.ok(
      await api.write(STAFF, 'entry.cancelFor', rid('late'), {
        memberId: (holder as Row).memberId,
        activityId: activity.id,
        reason: '开演前退票',
      }),
    )
    const offeredNow = (await api.documents('entries')).filter(
      (e) => e.activityId === activity.id && e.status === 'offered',
    )
    expect(offeredNow.length).toBeGreaterThan(0)
    for (const e of offeredNow) expect(new Date(e.offerExpiresAt as string).getTime()).toBe(startAt)
    // At the start the unanswered offers lapse and nothing is offered again.
    await later(2 * HOUR + MINUTE)
    const after = await entriesOf(activity.id)
    expect(offered(after)).toEqual([])
    for (const e of offeredNow) expect(after.get(String(e._id))?.status).toBe('cancelled')
    const seat = await seatOf(activity.id)
    expect(seat.taken).toBeLessThan(seat.seats)
    await expectSeatsAgree(activity.id)
  })
})

describe('under concurrency and after a dead run', () => {
  let activity: ManagedActivity
  let record: DrawRecord

  it('every winner giving back at once, with two scheduler ticks racing: each seat offered once', async () => {
    activity = await publishLottery(api, clock.now(), '递补并发测试', {
      startIn: 5 * DAY,
      seats: 3,
    })
    for (const m of members) {
      api.ok(
        await api.write(m.openid, 'entry.submit', rid('in'), {
          activityId: activity.id,
          sessionId: 's1',
          companions: [],
        }),
      )
    }
    await later(2 * DAY + MINUTE)
    record = api.ok(
      await api.call(STAFF, 'draw.record', { activityId: activity.id, sessionId: 's1' }),
    )
    expect(record.winners).toHaveLength(3)
    const entries = await entriesOf(activity.id)
    const [replies] = await Promise.all([
      Promise.all(
        record.winners.map(async (id) =>
          api.write(openidOf(entries.get(id) as Row), 'entry.cancel', rid('back'), {
            activityId: activity.id,
          }),
        ),
      ),
      api.cloud.post('/dev/trigger/scheduler'),
      api.cloud.post('/dev/trigger/scheduler'),
    ])
    for (const reply of replies) api.ok(reply)
    const after = await entriesOf(activity.id)
    // Parties of one: the first three of the waitlist, no more, no fewer, none twice.
    expect(offered(after).sort()).toEqual(record.waitlist.slice(0, 3).sort())
    const offerWrites = (await api.documents('entries'))
      .filter((e) => e.activityId === activity.id)
      .flatMap((e) => (e.requests as string[]).filter((r) => r.startsWith('offer:')))
    expect(offerWrites).toHaveLength(3)
    await expectSeatsAgree(activity.id)
  })

  it('an offer whose run died after taking the seat is finished by the scheduler, once', async () => {
    const entries = await entriesOf(activity.id)
    const next = record.waitlist.find((id) => entries.get(id)?.status === 'waitlisted') as string
    // What a run killed between its two writes leaves: the seat held, the entry still waiting.
    const db = api.cloud.app().database()
    const _ = db.command
    const seatId = `${activity.id}_s1`
    const takenAt = new Date(clock.now() - 10 * MINUTE)
    await db
      .collection('seats')
      .doc(seatId)
      .update({
        seats: _.inc(1),
        taken: _.inc(1),
        [`holders.${next}`]: {
          entry: next,
          size: 1,
          companions: [],
          request: `offer:${next}`,
          byStaff: false,
          actor: 'scheduler',
          at: takenAt,
        },
      })
    // Staff's seat count agrees with the seat document, as if they had added the seat.
    await db.collection('activities').doc(activity.id).update({ 'sessions.0.seats': 4 })
    await later(MINUTE)
    const after = await entriesOf(activity.id)
    expect(after.get(next)?.status).toBe('offered')
    const offeredNext = (await api.documents('entries')).find((e) => e._id === next)
    // The deadline counts from when the seat was taken, as the dead run would have set it.
    expect(new Date(offeredNext?.offerExpiresAt as string).getTime()).toBe(
      takenAt.getTime() + 12 * HOUR,
    )
    expect(offered(after)).toHaveLength(4)
    await expectSeatsAgree(activity.id)
  })
})
