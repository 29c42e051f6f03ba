import { demoData } from '../../cloud/seed'
import type { Companion, ManagedActivity } from '../../cloudfunctions/contract'
import { openActivity, seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { MEMBER, STAFF, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const iso = (ms: number) => new Date(ms).toISOString()
let api: ApiCloud
let members: SeededMember[]

const seed = demoData(new Date())
const devMemberId = String(seed.collections.bindings.find((b) => b._id === MEMBER)?.memberId)

beforeAll(async () => {
  api = await startApiCloud()
  members = await seedVerifiedMembers(api.cloud.app(), 6, 'rules')
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

const signup = (openid: string, activityId: string, companions: Companion[] = []) =>
  api.write(openid, 'entry.submit', rid('in'), { activityId, sessionId: 's1', companions })

async function count(collection: string): Promise<number> {
  return (await api.documents(collection)).length
}

describe('activity settings', () => {
  it('refuses impossible settings with a Chinese message on each field, writing nothing', async () => {
    const now = Date.now()
    const before = await count('activities')
    const reply = await api.write(
      STAFF,
      'activity.create',
      rid('bad'),
      openActivity(now, {
        allocation: 'lottery',
        signupOpensAt: iso(now + DAY),
        signupClosesAt: iso(now + HOUR),
        drawAt: iso(now),
        sessions: [{ startAt: iso(now - HOUR), endAt: iso(now - 2 * HOUR), seats: 5 }],
      }),
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!reply.ok && reply.error.fields).toEqual({
      signupClosesAt: '报名截止时间须晚于报名开始时间',
      'sessions.0.startAt': '场次开始时间已过',
      'sessions.0.endAt': '结束时间须晚于开始时间',
      drawAt: '抽签时间须在报名截止之后',
    })
    const zeroSeats = await api.write(
      STAFF,
      'activity.create',
      rid('bad'),
      openActivity(now, {
        sessions: [{ startAt: iso(now + 3 * DAY), endAt: iso(now + 3 * DAY + HOUR), seats: 0 }],
      }),
    )
    expect(!zeroSeats.ok && zeroSeats.error.fields).toEqual({ 'sessions.0.seats': '名额不能小于1' })
    expect(await count('activities')).toBe(before)
  })

  it('a draft is invisible to members; publishing opens it at its window', async () => {
    const now = Date.now()
    const draft = api.ok(
      await api.write(
        STAFF,
        'activity.create',
        rid('act'),
        openActivity(now, { signupOpensAt: iso(now + HOUR) }),
      ),
    )
    expect(await api.call(MEMBER, 'activity.get', { id: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const upcoming = api.ok(await api.write(STAFF, 'activity.publish', rid('p'), { id: draft.id }))
    expect(upcoming).toMatchObject({ phase: 'upcoming', next: { kind: 'opens' } })
    const early = await signup(MEMBER, draft.id)
    expect(early).toMatchObject({ ok: false, error: { code: 'SIGNUP_NOT_OPEN' } })
    expect(!early.ok && early.error.message).toMatch(/^报名将于\d+月\d+日 \d\d:\d\d开始$/)
  })
})

describe('who may sign up, and with whom', () => {
  it('only verified members sign up', async () => {
    const activity = await published()
    expect(await signup(UNVERIFIED, activity.id)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('a party takes all its seats or none, and a smaller party may still fit', async () => {
    const activity = await published({
      sessions: [
        { startAt: iso(Date.now() + 3 * DAY), endAt: iso(Date.now() + 3 * DAY + HOUR), seats: 3 },
      ],
    })
    const pair = [{ name: '同行一' }]
    expect(api.ok(await signup(members[0].openid, activity.id, pair)).partySize).toBe(2)
    expect(await signup(members[1].openid, activity.id, pair)).toMatchObject({
      ok: false,
      error: { code: 'SEATS_FULL', message: '名额已满' },
    })
    expect(api.ok(await signup(members[2].openid, activity.id)).partySize).toBe(1)
    const seen = api.ok(await api.call(MEMBER, 'activity.get', { id: activity.id }))
    expect(seen.sessions[0].seatsLeft).toBe(0)
  })

  it('checks the party size and, in a family show, each child’s age', async () => {
    const activity = await published({
      party: { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } },
    })
    const tooMany = await signup(members[3].openid, activity.id, [
      { name: '甲', age: 5 },
      { name: '乙', age: 6 },
      { name: '丙', age: 7 },
    ])
    expect(!tooMany.ok && tooMany.error.fields?.companions).toBe('每份报名最多3人（含本人）')
    const tooOld = await signup(members[3].openid, activity.id, [{ name: '甲', age: 15 }])
    expect(!tooOld.ok && tooOld.error.fields).toEqual({
      'companions.0.age': '儿童年龄须在3至12岁之间',
    })
    const alone = await signup(members[3].openid, activity.id)
    expect(!alone.ok && alone.error.fields?.companions).toBe('亲子活动须带至少1名儿童')
    const ok = api.ok(await signup(members[3].openid, activity.id, [{ name: '甲', age: 8 }]))
    expect(ok.companions).toEqual([{ name: '甲', age: 8 }])
  })

  it('refuses a member under a no-show ban, saying until when', async () => {
    const activity = await published()
    const until = new Date(Date.now() + 10 * DAY)
    await api.cloud
      .app()
      .database()
      .collection('credit')
      .add({ _id: members[4].memberId, noShows: [], bannedUntil: until })
    const reply = await signup(members[4].openid, activity.id)
    expect(reply).toMatchObject({ ok: false, error: { code: 'MEMBER_BANNED' } })
    expect(!reply.ok && reply.error.message).toMatch(
      /^因爽约暂停报名，\d+月\d+日 \d\d:\d\d起可再次报名$/,
    )
  })

  it('holds the monthly cap across activities', async () => {
    const capped = { eligibility: { winsPerMonth: 1 } }
    const first = await published({ ...capped, title: '本月限一次（一）' })
    const second = await published({ ...capped, title: '本月限一次（二）' })
    api.ok(await signup(members[5].openid, first.id))
    expect(await signup(members[5].openid, second.id)).toMatchObject({
      ok: false,
      error: { code: 'MONTHLY_CAP' },
    })
  })
})

describe('cancelling', () => {
  it('is refused after the cut-off', async () => {
    const activity = await published({ cancelCutoffHours: 720 })
    api.ok(await signup(members[0].openid, activity.id))
    const mine = api.ok(await api.call(members[0].openid, 'entry.mine', {}))
    expect(mine.items.find((e) => e.activityId === activity.id)?.actions).toEqual([])
    expect(
      await api.write(members[0].openid, 'entry.cancel', rid('c'), { activityId: activity.id }),
    ).toMatchObject({ ok: false, error: { code: 'CANCEL_CLOSED' } })
  })

  it('cancelling an activity cancels every entry and says why', async () => {
    const activity = await published()
    api.ok(await signup(members[1].openid, activity.id))
    api.ok(
      await api.write(STAFF, 'activity.cancel', rid('x'), { id: activity.id, reason: '场馆检修' }),
    )
    const mine = api.ok(await api.call(members[1].openid, 'entry.mine', {}))
    expect(mine.items.find((e) => e.activityId === activity.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: '活动已取消：场馆检修',
      actions: [],
    })
  })
})

describe('on behalf of a member', () => {
  it('staff sign up, edit and withdraw for a member, audited; the member sees it as theirs', async () => {
    const activity = await published({
      allocation: 'lottery',
      drawAt: iso(Date.now() + DAY + HOUR),
    })
    const payload = { memberId: devMemberId, activityId: activity.id, sessionId: 's1' }
    const made = api.ok(
      await api.write(STAFF, 'entry.submitFor', rid('for'), { ...payload, companions: [] }),
    )
    expect(made).toMatchObject({ status: 'pending', byStaff: true })
    const mine = api.ok(await api.call(MEMBER, 'entry.mine', {}))
    expect(mine.items[0]).toMatchObject({ id: made.id, byStaff: true, actions: ['edit', 'cancel'] })
    const edited = api.ok(
      await api.write(STAFF, 'entry.editFor', rid('for'), {
        ...payload,
        companions: [{ name: '老伴' }],
      }),
    )
    expect(edited.partySize).toBe(2)
    const listed = api.ok(await api.call(STAFF, 'entry.listFor', { memberId: devMemberId }))
    expect(listed.items[0]).toMatchObject({ id: made.id, partySize: 2 })
    api.ok(
      await api.write(STAFF, 'entry.cancelFor', rid('for'), {
        memberId: devMemberId,
        activityId: activity.id,
        reason: '会员来电',
      }),
    )
    const log = await api.documents('audit')
    const actions = log.filter((a) => (a.targets as string[]).includes(activity.id))
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'activity.create',
        'activity.publish',
        'entry.cancelFor',
        'entry.editFor',
        'entry.submitFor',
      ].sort(),
    )
    expect(await api.call(MEMBER, 'entry.submitFor', { ...payload, companions: [] })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    )
  })
})
