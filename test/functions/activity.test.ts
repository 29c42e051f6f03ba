import type { ManagedActivity, MyEntry } from '../../cloudfunctions/contract'
import { openActivity } from '../helpers/activities'
import { MEMBER, STAFF, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR
let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

async function published(over: Parameters<typeof openActivity>[1] = {}): Promise<ManagedActivity> {
  const draft = api.ok(
    await api.write(STAFF, 'activity.create', rid('act'), openActivity(Date.now(), over)),
  )
  return api.ok(await api.write(STAFF, 'activity.publish', rid('pub'), { id: draft.id }))
}

describe('activities and entries through the api function', () => {
  it('staff create a draft, publish it; members see it open', async () => {
    const activity = await published()
    expect(activity).toMatchObject({ status: 'published', phase: 'open', version: 2 })
    expect(activity.sessions[0]).toMatchObject({ id: 's1', seats: 10, seatsLeft: 10 })
    const seen = api.ok(await api.call(MEMBER, 'activity.get', { id: activity.id }))
    expect(seen).toMatchObject({ phase: 'open', myEntry: null, next: { kind: 'closes' } })
    const list = api.ok(await api.call(UNVERIFIED, 'activity.list', { phase: 'open' }))
    expect(list.items.map((a) => a.id)).toContain(activity.id)
  })

  it('a first-come signup takes its seats; a second signup is refused; cancelling gives them back', async () => {
    const activity = await published()
    const entry: MyEntry = api.ok(
      await api.write(MEMBER, 'entry.submit', rid('in'), {
        activityId: activity.id,
        sessionId: 's1',
        companions: [{ name: '李四' }],
      }),
    )
    expect(entry).toMatchObject({ status: 'confirmed', partySize: 2, actions: ['cancel'] })
    const after = api.ok(await api.call(MEMBER, 'activity.get', { id: activity.id }))
    expect(after.sessions[0].seatsLeft).toBe(8)
    expect(after.myEntry?.id).toBe(entry.id)
    const again = await api.write(MEMBER, 'entry.submit', rid('in'), {
      activityId: activity.id,
      sessionId: 's1',
      companions: [],
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_ENTERED' } })
    const cancelled = api.ok(
      await api.write(MEMBER, 'entry.cancel', rid('out'), { activityId: activity.id }),
    )
    expect(cancelled).toMatchObject({ status: 'cancelled', actions: [] })
    const back = api.ok(await api.call(MEMBER, 'activity.get', { id: activity.id }))
    expect(back.sessions[0].seatsLeft).toBe(10)
    expect(back.myEntry).toBeNull()
  })

  it('a lottery entry is edited and withdrawn while the window is open', async () => {
    const activity = await published({
      allocation: 'lottery',
      sessions: [
        {
          startAt: new Date(Date.now() + 3 * DAY).toISOString(),
          endAt: new Date(Date.now() + 3 * DAY + HOUR).toISOString(),
          seats: 5,
        },
        {
          startAt: new Date(Date.now() + 4 * DAY).toISOString(),
          endAt: new Date(Date.now() + 4 * DAY + HOUR).toISOString(),
          seats: 5,
        },
      ],
    })
    const entry = api.ok(
      await api.write(MEMBER, 'entry.submit', rid('lot'), {
        activityId: activity.id,
        sessionId: 's1',
        companions: [],
      }),
    )
    expect(entry).toMatchObject({ status: 'pending', actions: ['edit', 'cancel'] })
    const edited = api.ok(
      await api.write(MEMBER, 'entry.edit', rid('lot'), {
        activityId: activity.id,
        sessionId: 's2',
        companions: [{ name: '王五' }],
      }),
    )
    expect(edited).toMatchObject({ sessionId: 's2', partySize: 2, status: 'pending' })
    const seen = api.ok(await api.call(MEMBER, 'activity.get', { id: activity.id }))
    expect(seen.sessions.map((s) => s.entries)).toEqual([0, 1])
    const mine = api.ok(await api.call(MEMBER, 'entry.mine', {}))
    expect(mine.items[0]).toMatchObject({ id: entry.id, activityTitle: activity.title })
    api.ok(await api.write(MEMBER, 'entry.cancel', rid('lot'), { activityId: activity.id }))
  })
})
