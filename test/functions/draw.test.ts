import type { DrawRecord, ManagedActivity } from '../../cloudfunctions/contract'
import { verifyRecord } from '../../cloudfunctions/domain/draw'
import { openActivity, seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const iso = (ms: number) => new Date(ms).toISOString()
let api: ApiCloud
let members: SeededMember[]
let offset = 0

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), 16, 'draw')
})
afterAll(async () => {
  await api?.stop()
})

/** A lottery open now (as the cloud's clock reads), 3 seats, drawn a day after it closes. */
async function lottery(title: string): Promise<ManagedActivity> {
  const now = Date.now() + offset
  const draft = api.ok(
    await api.write(
      STAFF,
      'activity.create',
      rid('lot'),
      openActivity(now, {
        title,
        allocation: 'lottery',
        sessions: [{ startAt: iso(now + 5 * DAY), endAt: iso(now + 5 * DAY + HOUR), seats: 3 }],
        signupClosesAt: iso(now + DAY),
        drawAt: iso(now + 2 * DAY),
      }),
    ),
  )
  return api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: draft.id }))
}

async function enterAll(activity: ManagedActivity, who: SeededMember[]): Promise<void> {
  for (const [i, m] of who.entries()) {
    const companions = i % 2 ? [{ name: '同行人' }] : []
    api.ok(
      await api.write(m.openid, 'entry.submit', rid('in'), {
        activityId: activity.id,
        sessionId: 's1',
        companions,
      }),
    )
  }
}

/** Moves the cloud's clock on and runs one scheduler tick. */
async function later(ms: number): Promise<void> {
  offset += ms
  await api.shiftClock(offset)
  const fired = await api.cloud.post('/dev/trigger/scheduler')
  expect(fired.status).toBe(200)
}

const record = async (activityId: string) =>
  api.call(STAFF, 'draw.record', { activityId, sessionId: 's1' })

async function statuses(activityId: string): Promise<Record<string, string>> {
  const rows = (await api.documents('entries')).filter((e) => e.activityId === activityId)
  return Object.fromEntries(rows.map((e) => [String(e._id), String(e.status)]))
}

describe('the draw, committed, frozen, drawn and checkable', () => {
  let activity: ManagedActivity
  let frozen: DrawRecord

  it('publishes the seed hash when the lottery is published; nothing is drawn while open', async () => {
    activity = await lottery('抽签测试（定时）')
    expect(activity.draw?.seedHash).toMatch(/^[0-9a-f]{64}$/)
    await enterAll(activity, members.slice(0, 6))
    expect(await record(activity.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await api.write(STAFF, 'draw.run', rid('run'), { activityId: activity.id }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('freezes the entrant list when the window closes: masked labels, its hash on the page', async () => {
    await later(DAY + 60_000)
    frozen = api.ok(await record(activity.id))
    expect(frozen).toMatchObject({ version: 1, seats: 3, seed: null, winners: [], waitlist: [] })
    expect(frozen.entries).toHaveLength(6)
    expect(frozen.entries.map((e) => e.id)).toEqual([...frozen.entries.map((e) => e.id)].sort())
    for (const e of frozen.entries) expect(e.label).toMatch(/^会.*\*|^会\*/)
    expect(frozen.seedHash).toBe(activity.draw?.seedHash)
    const page = api.ok(await api.call(members[0].openid, 'activity.get', { id: activity.id }))
    expect(page.draw?.sessions[0]).toMatchObject({ listHash: frozen.listHash, drawnAt: null })
    expect(verifyRecord(frozen).checks[0]).toMatchObject({ name: 'listHash', ok: true })
  })

  it('draws at its time: the revealed seed recomputes to the same winners and waitlist', async () => {
    await later(DAY)
    const drawn = api.ok(await record(activity.id))
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/)
    expect({ ...drawn, seed: null, winners: [], waitlist: [], drawnAt: null }).toEqual(frozen)
    const verified = verifyRecord(drawn)
    expect(verified.ok).toBe(true)
    const sizes = new Map(drawn.entries.map((e) => [e.id, e.size]))
    const seatsWon = drawn.winners.reduce((sum, id) => sum + (sizes.get(id) ?? 0), 0)
    expect(seatsWon).toBeLessThanOrEqual(3)
    expect([...drawn.winners, ...drawn.waitlist].sort()).toEqual(drawn.entries.map((e) => e.id))
    const now = await statuses(activity.id)
    for (const id of drawn.winners) expect(now[id]).toBe('won')
    for (const id of drawn.waitlist) expect(now[id]).toBe('waitlisted')
  })

  it('tells each waitlisted member their place', async () => {
    const drawn = api.ok(await record(activity.id))
    const first = drawn.waitlist[0]
    for (const m of members.slice(0, 6)) {
      const mine = api.ok(await api.call(m.openid, 'entry.mine', {}))
      const entry = mine.items.find((e) => e.activityId === activity.id)
      if (entry?.id === first) expect(entry.waitlistPosition).toBe(1)
      if (entry?.status === 'won') expect(entry.waitlistPosition).toBeNull()
    }
  })
})

describe('立即抽签 by staff', () => {
  it('draws a closed lottery at once, once, and touches no other activity’s entries', async () => {
    const mine = await lottery('抽签测试（立即）')
    const other = await lottery('抽签测试（其他）')
    // Members who have not won lately: the default policy's cooldown keeps recent winners out.
    await enterAll(mine, members.slice(6, 11))
    await enterAll(other, members.slice(9, 14))
    // Closed, but its draw time is a day away: only staff draw it now.
    await later(DAY + 60_000)
    const before = await statuses(other.id)
    const summary = api.ok(await api.write(STAFF, 'draw.run', rid('run'), { activityId: mine.id }))
    expect(summary.sessions[0]).toMatchObject({ sessionId: 's1', entries: 5 })
    const drawn = api.ok(await record(mine.id))
    expect(verifyRecord(drawn).ok).toBe(true)
    expect(await statuses(other.id)).toEqual(before)
    // Again: the same result, nothing redrawn.
    const again = api.ok(await api.write(STAFF, 'draw.run', rid('run'), { activityId: mine.id }))
    expect(again).toEqual(summary)
    expect(api.ok(await record(mine.id))).toEqual(drawn)
  })
})

describe('tickets: confirm, then one check-in at the door', () => {
  it('a winner confirms and gets a ticket that checks in exactly once, signed so it cannot be forged', async () => {
    const activity = await lottery('抽签测试（电子票）')
    const [first, second] = members.slice(14, 16)
    await enterAll(activity, [first, second])
    await later(DAY + 60_000)
    api.ok(await api.write(STAFF, 'draw.run', rid('run'), { activityId: activity.id }))
    const mine = async (m: SeededMember) =>
      api
        .ok(await api.call(m.openid, 'entry.mine', {}))
        .items.find((e) => e.activityId === activity.id)
    const won = await mine(first)
    expect(won).toMatchObject({ status: 'won', actions: ['confirm', 'cancel'], ticketCode: null })
    expect(won?.confirmBy).toBeTruthy()
    const confirmed = api.ok(
      await api.write(first.openid, 'entry.confirm', rid('ok'), { activityId: activity.id }),
    )
    const code = String(confirmed.ticketCode)
    expect(code).toMatch(/^T[A-Za-z0-9_-]+\.[0-9a-f]{20}$/)
    // Staff acting for the member see the entry, never its ticket.
    const listed = api.ok(await api.call(STAFF, 'entry.listFor', { memberId: first.memberId }))
    expect(listed.items.find((e) => e.id === confirmed.id)?.ticketCode).toBeNull()

    const scan = (openid: string, c: string) =>
      api.write(openid, 'ticket.checkIn', rid('scan'), { code: c })
    expect(await scan('dev-checker-1', code)).toMatchObject({
      ok: false,
      error: { code: 'CHECK_IN_CLOSED' },
    })
    const forged = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`
    expect(await scan('dev-checker-1', forged)).toMatchObject({
      ok: false,
      error: { code: 'TICKET_INVALID' },
    })
    // An hour before the show: two scanners on one ticket at once.
    await later(4 * DAY - 2 * HOUR - 60_000)
    const replies = await Promise.all([scan('dev-checker-1', code), scan(STAFF, code)])
    const ok = replies.filter((r) => r.ok)
    expect(ok).toHaveLength(1)
    expect(ok[0]).toMatchObject({ data: { partySize: 1, activityTitle: activity.title } })
    expect(JSON.stringify(ok[0])).not.toContain(first.openid)
    const refused = replies.find((r) => !r.ok)
    expect(refused).toMatchObject({ ok: false, error: { code: 'TICKET_USED' } })
    expect(!refused?.ok && refused?.error.message).toMatch(
      /^此票已于\d+月\d+日 \d\d:\d\d:\d\d检票$/,
    )
    expect((await mine(first))?.status).toBe('checkedIn')
    // A member cannot check tickets in.
    expect(await scan(second.openid, code)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})
