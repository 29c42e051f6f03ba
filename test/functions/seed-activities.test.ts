/**
 * The demo activities the local cloud seeds, as members meet them through the api function: the
 * tea and 《山水相依》 open now, 《森林奇境》 closed with its entries waiting for the draw, a lecture
 * finished; the tea's seats agree with its entries, and the dev member can sign up.
 */
import type { ActivitySummary } from '../../cloudfunctions/contract'
import { demoData } from '../../cloud/seed'
import {
  impossibleSettings,
  phaseOf,
  type ActivityRecord,
} from '../../cloudfunctions/domain/activity'
import {
  checkedParty,
  entryIdFor,
  SEAT_STATUSES,
  type EntryRecord,
} from '../../cloudfunctions/domain/entry'
import { seatRepairs, seatsHeldByEntries, type SeatRecord } from '../../cloudfunctions/domain/seats'
import { ACTIVITY_IDS } from '../../cloud/seed/activities'
import { verifyRecord } from '../../cloudfunctions/domain/draw'
import { chineseDate, dayOf } from '../../cloudfunctions/domain/time'
import { MEMBER, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

const {
  tea: TEA,
  shanshui: SHANSHUI,
  forest: FOREST,
  lecture: LECTURE,
  opera: OPERA,
} = ACTIVITY_IDS
let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

async function entriesOf(activityId: string): Promise<EntryRecord[]> {
  const res = (await api.cloud
    .app()
    .database()
    .collection('entries')
    .where({ activityId })
    .limit(1000)
    .get()) as { data: EntryRecord[] }
  return res.data
}

async function teaSeat(): Promise<SeatRecord> {
  const res = (await api.cloud.app().database().collection('seats').doc(`${TEA}_s1`).get()) as {
    data: SeatRecord[]
  }
  return res.data[0]
}

/** The tea's seats taken, checked against the seats its entries hold. */
async function teaSeatsAgree(): Promise<number> {
  const seat = await teaSeat()
  const entries = await entriesOf(TEA)
  expect(seatsHeldByEntries(seat, entries)).toBe(seat.taken)
  const byMember = new Map(entries.map((e) => [e.memberId, e]))
  expect(seatRepairs(seat, byMember, new Date(Date.now() + 86_400_000))).toEqual([])
  return seat.taken
}

describe('the seeded activities', () => {
  it('are listed with their phases: two open, two closed (one drawn), one finished', async () => {
    const list = api.ok(await api.call(UNVERIFIED, 'activity.list', { limit: 50 }))
    const byId = new Map<string, ActivitySummary>(list.items.map((a) => [a.id, a]))
    expect(byId.get(TEA)).toMatchObject({
      title: '"六月风荷"行香茶会',
      category: 'tea',
      allocation: 'first-come',
      phase: 'open',
      placeName: '杭州茗庐茶文化体验馆',
      next: { kind: 'closes' },
    })
    expect(byId.get(SHANSHUI)).toMatchObject({
      title: '杂技剧《山水相依》',
      allocation: 'lottery',
      phase: 'open',
      placeName: '杭州运河大剧院',
      next: { kind: 'closes' },
    })
    expect(byId.get(FOREST)).toMatchObject({
      title: '杂技儿童剧《森林奇境》',
      allocation: 'lottery',
      phase: 'closed',
      next: { kind: 'draw' },
    })
    expect(byId.get(LECTURE)).toMatchObject({
      category: 'lecture',
      phase: 'finished',
      next: { kind: 'ended', at: null },
    })

    const open = api.ok(await api.call(UNVERIFIED, 'activity.list', { phase: 'open' }))
    expect(open.items.map((a) => a.id).sort()).toEqual([SHANSHUI, TEA].sort())
    const ended = api.ok(await api.call(UNVERIFIED, 'activity.list', { phase: 'ended' }))
    expect(ended.items.map((a) => a.id).sort()).toEqual([FOREST, LECTURE, OPERA].sort())
  })

  it('keep the sessions on the days the centre’s notice gives, the draw before the show', async () => {
    const forest = api.ok(await api.call(UNVERIFIED, 'activity.get', { id: FOREST }))
    const shanshui = api.ok(await api.call(UNVERIFIED, 'activity.get', { id: SHANSHUI }))
    const tea = api.ok(await api.call(UNVERIFIED, 'activity.get', { id: TEA }))
    const notice = api.ok(await api.call(UNVERIFIED, 'notice.get', { id: 'notice-events' }))
    const beijing = (iso: string) => chineseDate(dayOf(new Date(iso)))
    for (const a of [forest, shanshui, tea]) {
      expect(notice.body).toContain(beijing(a.sessions[0].startAt))
    }
    for (const a of [forest, shanshui]) {
      expect(new Date(a.drawAt ?? '').getTime()).toBeGreaterThanOrEqual(
        new Date(a.signupClosesAt).getTime(),
      )
      expect(new Date(a.drawAt ?? '').getTime()).toBeLessThan(
        new Date(a.sessions[0].startAt).getTime(),
      )
    }
    expect(forest.party).toEqual({ maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } })
    expect(shanshui.eligibility).toEqual({ winsPerMonth: 1 })
    expect(tea.sessions[0]).toMatchObject({ seats: 30, entries: null })
  })

  it('the tea’s seat document holds exactly the seats its entries stand on', async () => {
    const taken = await teaSeatsAgree()
    expect(taken).toBeGreaterThan(0)
    const tea = api.ok(await api.call(MEMBER, 'activity.get', { id: TEA }))
    expect(tea.sessions[0].seatsLeft).toBe(30 - taken)
    // The scheduler's repair, run now, finds nothing to do.
    const fired = await api.cloud.post('/dev/trigger/scheduler')
    expect(fired.status).toBe(200)
    expect((fired.body as { result: { seatsRepaired: number } }).result.seatsRepaired).toBe(0)
  })

  it('the opera is drawn: winners hold its seats, five checked in, the dev member first in line', async () => {
    const record = api.ok(
      await api.call(UNVERIFIED, 'draw.record', { activityId: OPERA, sessionId: 's1' }),
    )
    expect(verifyRecord(record).ok).toBe(true)
    const entries = await entriesOf(OPERA)
    const status = new Map(entries.map((e) => [e._id, e.status]))
    expect(record.winners.every((id) => ['won', 'checkedIn'].includes(status.get(id) ?? ''))).toBe(
      true,
    )
    expect(entries.filter((e) => e.status === 'checkedIn')).toHaveLength(5)
    expect(record.waitlist.every((id) => status.get(id) === 'waitlisted')).toBe(true)
    const mine = api.ok(await api.call(MEMBER, 'entry.mine', { limit: 50 }))
    expect(mine.items.find((e) => e.activityId === OPERA)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      actions: ['cancel'],
    })
    const seat = (await api.documents('seats')).find((d) => d._id === `${OPERA}_s1`) as {
      seats: number
      taken: number
      holders: Record<string, { size: number }>
    }
    expect(Object.keys(seat.holders).sort()).toEqual([...record.winners].sort())
    const sizes = new Map(record.entries.map((e) => [e.id, e.size]))
    expect(seat.taken).toBe(record.winners.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0))
    expect(seat.taken).toBeLessThanOrEqual(seat.seats)
    // Everyone was told; the scheduler's first tick finds nothing to do.
    const told = api.ok(await api.call(MEMBER, 'message.list', {}))
    expect(told.items.map((m) => m.kind)).toContain('draw.waitlisted')
    const fired = await api.cloud.post('/dev/trigger/scheduler')
    expect((fired.body as { result: Record<string, unknown> }).result).toMatchObject({
      drawResultsTold: 0,
      offers: { repaired: 0, released: 0, made: 0 },
      sessions: { reminded: 0, noShows: 0 },
    })
  })

  it('《森林奇境》 shows its entries so far, every party a parent with children in the age range', async () => {
    const forest = api.ok(await api.call(UNVERIFIED, 'activity.get', { id: FOREST }))
    const entries = await entriesOf(FOREST)
    expect(entries.length).toBeGreaterThanOrEqual(200)
    expect(forest.sessions[0]).toMatchObject({ seatsLeft: null, entries: entries.length })
    const record = { ...forest, _id: FOREST } as unknown as ActivityRecord
    for (const e of entries) {
      expect(e).toMatchObject({ status: 'pending', sessionId: 's1', allocation: 'lottery' })
      expect(checkedParty(record, e.companions)).toEqual(e.companions)
      expect(e.partySize).toBe(e.companions.length + 1)
    }
    expect(new Set(entries.map((e) => e.memberId)).size).toBe(entries.length)
  })

  it('the dev member waits for 《森林奇境》’s draw, lost the lecture, waits on the opera’s list', async () => {
    const mine = api.ok(await api.call(MEMBER, 'entry.mine', { limit: 50 }))
    const status = Object.fromEntries(mine.items.map((e) => [e.activityId, e.status]))
    expect(status[FOREST]).toBe('pending')
    expect(status[LECTURE]).toBe('lost')
    expect(status[OPERA]).toBe('waitlisted')
    expect(status).not.toHaveProperty(TEA)
    expect(status).not.toHaveProperty(SHANSHUI)
    const forest = mine.items.find((e) => e.activityId === FOREST)
    expect(forest?.actions).toEqual([])
  })

  it('the dev member can enter 《山水相依》 and then take seats at the tea', async () => {
    const lottery = api.ok(
      await api.write(MEMBER, 'entry.submit', rid('shanshui'), {
        activityId: SHANSHUI,
        sessionId: 's1',
        companions: [{ name: '王丽' }],
      }),
    )
    expect(lottery).toMatchObject({ status: 'pending', partySize: 2, actions: ['edit', 'cancel'] })

    const before = await teaSeatsAgree()
    const entry = api.ok(
      await api.write(MEMBER, 'entry.submit', rid('tea'), {
        activityId: TEA,
        sessionId: 's1',
        companions: [{ name: '王丽' }],
      }),
    )
    expect(entry).toMatchObject({ status: 'confirmed', partySize: 2, actions: ['cancel'] })
    expect(await teaSeatsAgree()).toBe(before + 2)
    const tea = api.ok(await api.call(MEMBER, 'activity.get', { id: TEA }))
    expect(tea.sessions[0].seatsLeft).toBe(30 - before - 2)
    expect(tea.myEntry?.id).toBe(entry.id)
  })
})

describe('the seeded activities at any time of day or year', () => {
  // Beijing midnight and early morning (UTC evening), month and year ends, a Sunday and a Monday.
  const moments = [
    '2026-06-30T15:59:00Z',
    '2026-06-30T16:00:00Z',
    '2026-06-30T23:30:00Z',
    '2026-12-31T17:00:00Z',
    '2027-02-27T03:00:00Z',
    '2026-06-14T12:00:00Z',
    '2026-06-15T01:00:00Z',
  ].map((iso) => new Date(iso))

  it.each(moments)('are possible settings in the right phases at %s', (now) => {
    const { collections } = demoData(now)
    const activities = collections.activities as unknown as ActivityRecord[]
    const phases = Object.fromEntries(activities.map((a) => [a._id, phaseOf(a, now)]))
    expect(phases).toEqual({
      [TEA]: 'open',
      [SHANSHUI]: 'open',
      [FOREST]: 'closed',
      [LECTURE]: 'finished',
      [OPERA]: 'closed',
    })
    for (const a of activities) {
      const settings = { ...a, sessions: a.sessions.map((s) => ({ ...s })) }
      expect({ id: a._id, refused: impossibleSettings(settings, now, new Set(['s1'])) }).toEqual({
        id: a._id,
        refused: {},
      })
      expect(a.createdAt.getTime()).toBeLessThan(a.signupOpensAt.getTime())
    }
    const forest = activities.find((a) => a._id === FOREST)
    expect(forest?.drawAt?.getTime()).toBeGreaterThan(now.getTime())
  })

  it.each(moments)('hold consistent entries and seats at %s', (now) => {
    const { collections } = demoData(now)
    const entries = collections.entries as unknown as EntryRecord[]
    const [seat] = collections.seats as unknown as SeatRecord[]
    const tea = entries.filter((e) => e.activityId === TEA)
    expect(seatsHeldByEntries(seat, tea)).toBe(seat.taken)
    expect(seat.taken).toBeLessThanOrEqual(seat.seats)
    expect(new Set(entries.map((e) => e._id)).size).toBe(entries.length)
    const windows = new Map(
      (collections.activities as unknown as ActivityRecord[]).map((a) => [a._id, a]),
    )
    for (const e of entries) {
      expect(e._id).toBe(entryIdFor(e.activityId, e.memberId))
      // Made while its window was open.
      const a = windows.get(e.activityId)
      expect(
        e.createdAt >= (a?.signupOpensAt ?? now) && e.createdAt < (a?.signupClosesAt ?? now),
      ).toBe(true)
      expect(e.createdAt.getTime()).toBeLessThan(now.getTime())
    }
    // 《山水相依》 caps one seat a month: none of its members holds a seat that month already.
    const seatHolders = new Set(
      entries.filter((e) => SEAT_STATUSES.includes(e.status)).map((e) => e.memberId),
    )
    expect(entries.filter((e) => e.activityId === SHANSHUI && seatHolders.has(e.memberId))).toEqual(
      [],
    )
  })
})
