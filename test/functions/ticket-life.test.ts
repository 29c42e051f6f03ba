import type { ManagedActivity, MyEntry, MyMessage } from '../../cloudfunctions/contract'
import { openActivity, seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { CHECKER, STAFF, rid, startApiCloud, type ApiCloud } from './api-cloud'
import { DAY, HOUR, MINUTE, publishLottery, timeline } from './lottery-timeline'

/**
 * Issue 9, items 5–7: a ticket's life after the draw as its members hear of it in 消息 — the
 * result (已中签 / 候补第 N 位), an offer with its deadline, the reminder the day before — and
 * the door: a ticket used is fine, a ticket never used becomes a no-show in the credit record,
 * where the activity's ban rule stops the next signup, saying until when. Each is told once.
 */
let api: ApiCloud
let members: SeededMember[]
const clock = timeline(() => api)
const later = clock.later

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), 4, 'life')
})
afterAll(async () => {
  await api?.stop()
})

async function messagesOf(m: SeededMember): Promise<MyMessage[]> {
  return api.ok<{ items: MyMessage[] }>(await api.call(m.openid, 'message.list', { limit: 50 }))
    .items
}

async function entryOf(m: SeededMember, activityId: string): Promise<MyEntry> {
  const mine = api.ok<{ items: MyEntry[] }>(await api.call(m.openid, 'entry.mine', {}))
  const found = mine.items.find((e) => e.activityId === activityId)
  if (!found) throw new Error(`${m.memberId} has no entry`)
  return found
}

describe('after the draw: told, offered, reminded, checked in or recorded as a no-show', () => {
  let activity: ManagedActivity
  let startAt: number
  const byEntry = new Map<string, SeededMember>()
  let winners: SeededMember[] = []
  let waiting: SeededMember[] = []

  it('tells every entrant the result once: 已中签 with the deadline, or 候补第 N 位', async () => {
    const now = clock.now()
    startAt = now + 5 * DAY
    activity = await publishLottery(
      api,
      now,
      '票的一生',
      { startIn: 5 * DAY, seats: 2 },
      {
        party: { maxSize: 1, family: null },
        ticketPolicy: {
          confirmHours: 24,
          offerHours: 6,
          noShowBan: { noShows: 1, withinDays: 30, banDays: 7 },
        },
      },
    )
    for (const m of members) {
      const entry = api.ok<MyEntry>(
        await api.write(m.openid, 'entry.submit', rid('in'), {
          activityId: activity.id,
          sessionId: 's1',
          companions: [],
        }),
      )
      byEntry.set(entry.id, m)
    }
    await later(2 * DAY + MINUTE)
    const record = api.ok<{ winners: string[]; waitlist: string[] }>(
      await api.call(STAFF, 'draw.record', { activityId: activity.id, sessionId: 's1' }),
    )
    winners = record.winners.map((id) => byEntry.get(id) as SeededMember)
    waiting = record.waitlist.map((id) => byEntry.get(id) as SeededMember)
    expect(winners).toHaveLength(2)
    expect(waiting).toHaveLength(2)
    for (const [i, m] of winners.entries()) {
      const told = (await messagesOf(m)).filter((x) => x.kind === 'draw.won')
      expect(told).toHaveLength(1)
      expect(told[0].body).toMatch(/前确认参加/)
      // The entry's status page, where the ticket shows once confirmed.
      expect(told[0].link).toBe(`/activity/entry/index?id=${record.winners[i]}`)
    }
    for (const [i, m] of waiting.entries()) {
      const told = (await messagesOf(m)).filter((x) => x.kind === 'draw.waitlisted')
      expect(told).toHaveLength(1)
      expect(told[0].body).toContain(`候补第${i + 1}位`)
    }
    // The next tick tells nobody again.
    const before = await Promise.all(members.map(messagesOf))
    await later(MINUTE)
    expect(await Promise.all(members.map(messagesOf))).toEqual(before)
  })

  it('an offer comes with its deadline in 消息 and on the entry', async () => {
    api.ok(
      await api.write(winners[0].openid, 'entry.confirm', rid('cf'), { activityId: activity.id }),
    )
    api.ok(
      await api.write(winners[1].openid, 'entry.cancel', rid('back'), { activityId: activity.id }),
    )
    const offered = await entryOf(waiting[0], activity.id)
    expect(offered.status).toBe('offered')
    const told = (await messagesOf(waiting[0])).filter((x) => x.kind === 'offer')
    expect(told).toHaveLength(1)
    expect(told[0].body).toMatch(/前确认参加/)
    expect(offered.offerUntil).not.toBeNull()
    api.ok(
      await api.write(waiting[0].openid, 'entry.confirm', rid('take'), { activityId: activity.id }),
    )
    expect((await entryOf(waiting[0], activity.id)).ticketCode).toMatch(/^T/)
  })

  it('reminds every ticket the day before, once', async () => {
    await later(startAt - clock.now() - 23 * HOUR)
    for (const m of [winners[0], waiting[0]]) {
      const told = (await messagesOf(m)).filter((x) => x.kind === 'reminder')
      expect(told).toHaveLength(1)
      expect(told[0].body).toContain(activity.place.name)
    }
    expect((await messagesOf(winners[1])).filter((x) => x.kind === 'reminder')).toEqual([])
    await later(MINUTE)
    expect((await messagesOf(winners[0])).filter((x) => x.kind === 'reminder')).toHaveLength(1)
  })

  it('after the session a ticket never used is a no-show, and the ban stops the next signup', async () => {
    // The door opens: one ticket is used, the other never is.
    await later(startAt - clock.now() - HOUR)
    const code = (await entryOf(winners[0], activity.id)).ticketCode as string
    api.ok(await api.write(CHECKER, 'ticket.checkIn', rid('door'), { code }))
    await later(3 * HOUR)
    expect((await entryOf(winners[0], activity.id)).status).toBe('checkedIn')
    expect((await entryOf(waiting[0], activity.id)).status).toBe('noShow')
    const credits = await api.documents('credit')
    const credit = credits.find((c) => c._id === waiting[0].memberId)
    expect((credit?.noShows as unknown[]).length).toBe(1)
    expect(credits.find((c) => c._id === winners[0].memberId)).toBeUndefined()
    const told = (await messagesOf(waiting[0])).filter((x) => x.kind === 'noShow')
    expect(told).toHaveLength(1)
    expect(told[0].body).toMatch(/暂停报名至/)
    // Another tick records nothing twice.
    await later(MINUTE)
    const again = (await api.documents('credit')).find((c) => c._id === waiting[0].memberId)
    expect((again?.noShows as unknown[]).length).toBe(1)
    expect((await messagesOf(waiting[0])).filter((x) => x.kind === 'noShow')).toHaveLength(1)
    // The ban holds for the next activity, and says until when.
    const now = clock.now()
    const next = api.ok<ManagedActivity>(
      await api.write(STAFF, 'activity.create', rid('next'), openActivity(now)),
    )
    api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: next.id }))
    const refused = await api.write(waiting[0].openid, 'entry.submit', rid('banned'), {
      activityId: next.id,
      sessionId: 's1',
      companions: [],
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'MEMBER_BANNED' } })
    expect(JSON.stringify(refused)).toMatch(/因爽约暂停报名，\d+月\d+日 00:00起可再次报名/)
    api.ok(
      await api.write(winners[0].openid, 'entry.submit', rid('fine'), {
        activityId: next.id,
        sessionId: 's1',
        companions: [],
      }),
    )
  })
})
