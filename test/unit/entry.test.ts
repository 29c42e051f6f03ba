import { ApiError } from '../../cloudfunctions/contract/errors'
import type { ActivityRecord } from '../../cloudfunctions/domain/activity'
import {
  checkedParty,
  doneBy,
  entryActions,
  entryFor,
  entryIdFor,
  monthAround,
  refuseCancel,
  refuseClosedWindow,
  refuseEdit,
  refuseOverCap,
  withRequest,
  type EntryRecord,
} from '../../cloudfunctions/domain/entry'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// 10:00 in Beijing.
const NOW = new Date('2026-06-10T02:00:00Z')
const at = (ms: number) => new Date(NOW.getTime() + ms)
const SESSION = { id: 's1', startAt: at(3 * DAY), endAt: at(3 * DAY + 2 * HOUR), seats: 30 }

/** First-come, window open now (opened an hour ago, closes in a day), cut-off 24 h. */
function activity(over: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    _id: 'activity-tea',
    title: '"六月风荷"行香茶会',
    category: 'tea',
    posterFileId: null,
    description: '茶会',
    place: { name: '杭州茗庐茶文化体验馆', address: '杭州市西湖区' },
    sessions: [SESSION],
    allocation: 'first-come',
    signupOpensAt: at(-HOUR),
    signupClosesAt: at(DAY),
    drawAt: null,
    party: { maxSize: 2, family: null },
    eligibility: { winsPerMonth: null },
    cancelCutoffHours: 24,
    status: 'published',
    cancelReason: null,
    firstSessionAt: SESSION.startAt,
    lastSessionEndAt: SESSION.endAt,
    version: 1,
    createdAt: at(-DAY),
    updatedAt: at(-DAY),
    createdBy: 'staff',
    updatedBy: 'staff',
    ...over,
  }
}

const lottery = (over: Partial<ActivityRecord> = {}) =>
  activity({ allocation: 'lottery', drawAt: at(DAY + HOUR), ...over })
const family = (over: Partial<ActivityRecord> = {}) =>
  lottery({ party: { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } }, ...over })

function entry(a: ActivityRecord, over: Partial<EntryRecord> = {}): EntryRecord {
  const seat = { companions: [], seatRequest: 'req-1', actor: 'openid-1', byStaff: false }
  return { ...entryFor(a, SESSION, { memberId: 'm_1' }, seat, null, 'req-1', NOW), ...over }
}

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('entryIdFor', () => {
  it('gives one (activity, member) always the same id, and different pairs different ids', () => {
    const id = entryIdFor('activity-tea', 'm_0123456789abcdef')
    expect(entryIdFor('activity-tea', 'm_0123456789abcdef')).toBe(id)
    expect(entryIdFor('activity-forest', 'm_0123456789abcdef')).not.toBe(id)
    expect(entryIdFor('activity-tea', 'm_fedcba9876543210')).not.toBe(id)
    // The separator is part of the hash: ('a:b', 'c') is not ('a', 'b:c').
    expect(entryIdFor('a', 'b_c')).not.toBe(entryIdFor('a_b', 'c'))
  })

  it('is opaque: it shows neither the member nor the activity', () => {
    const id = entryIdFor('activity-tea', 'm_0123456789abcdef')
    expect(id).toMatch(/^e[0-9a-f]{24}$/)
    expect(id).not.toContain('0123456789abcdef')
    expect(id).not.toContain('tea')
  })
})

describe('checkedParty', () => {
  it('accepts the member with companions up to the size limit', () => {
    expect(checkedParty(activity(), [{ name: '李四' }])).toEqual([{ name: '李四' }])
    expect(checkedParty(activity(), [])).toEqual([])
  })

  it('refuses a party over the size limit, counting the member', () => {
    const error = refusal(() => checkedParty(activity(), [{ name: '李四' }, { name: '王五' }]))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('每份报名最多2人（含本人）')
    expect(error.fields).toEqual({ companions: '每份报名最多2人（含本人）' })
  })

  it('says "only yourself" when the activity takes one person per entry', () => {
    const solo = activity({ party: { maxSize: 1, family: null } })
    expect(refusal(() => checkedParty(solo, [{ name: '李四' }])).message).toBe('本活动仅限本人报名')
    expect(checkedParty(solo, [])).toEqual([])
  })

  it('drops ages outside family shows', () => {
    expect(checkedParty(activity(), [{ name: '李四', age: 40 }])).toEqual([{ name: '李四' }])
  })

  it('in a family show takes children of an age in the range, ends included, with their ages', () => {
    const kids = [
      { name: '王小朵', age: 3 },
      { name: '王小树', age: 12 },
    ]
    expect(checkedParty(family(), kids)).toEqual(kids)
  })

  it('in a family show refuses a member without a child', () => {
    expect(refusal(() => checkedParty(family(), [])).fields).toEqual({
      companions: '亲子活动须带至少1名儿童',
    })
  })

  it('in a family show refuses a child without an age or of an age out of range, on that child', () => {
    const error = refusal(() => checkedParty(family(), [{ name: '甲', age: 2 }, { name: '乙' }]))
    expect(error.fields).toEqual({
      'companions.0.age': '儿童年龄须在3至12岁之间',
      'companions.1.age': '请填写儿童年龄',
    })
    expect(refusal(() => checkedParty(family(), [{ name: '丙', age: 13 }])).message).toBe(
      '儿童年龄须在3至12岁之间',
    )
  })

  it('in a family show still counts the size limit', () => {
    const three = [1, 2, 3].map((i) => ({ name: `孩子${i}`, age: 5 }))
    expect(refusal(() => checkedParty(family(), three)).fields?.companions).toBe(
      '每份报名最多3人（含本人）',
    )
  })
})

describe('refuseClosedWindow', () => {
  it('lets a signup through while the window is open, from the instant it opens', () => {
    const a = activity({ signupOpensAt: NOW })
    expect(() => refuseClosedWindow(a, NOW)).not.toThrow()
  })

  it('before the window says when it opens, in Beijing time', () => {
    // 16:30 UTC on the 12th is 00:30 on the 13th in Beijing.
    const a = activity({ signupOpensAt: new Date('2026-06-12T16:30:00Z') })
    const error = refusal(() => refuseClosedWindow(a, NOW))
    expect(error.code).toBe('SIGNUP_NOT_OPEN')
    expect(error.message).toBe('报名将于6月13日 00:30开始')
  })

  it('after the window says it has closed, also once the activity is over', () => {
    for (const now of [at(DAY), at(10 * DAY)]) {
      const error = refusal(() => refuseClosedWindow(activity(), now))
      expect(error.code).toBe('SIGNUP_NOT_OPEN')
      expect(error.message).toBe('报名已截止')
    }
  })

  it('says a cancelled activity is cancelled, and a draft does not exist', () => {
    const cancelled = refusal(() => refuseClosedWindow(activity({ status: 'cancelled' }), NOW))
    expect(cancelled).toMatchObject({ code: 'SIGNUP_NOT_OPEN', message: '活动已取消' })
    expect(refusal(() => refuseClosedWindow(activity({ status: 'draft' }), NOW)).code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('refuseOverCap', () => {
  it('refuses once the member holds the monthly number of seats, saying the cap', () => {
    const capped = activity({ eligibility: { winsPerMonth: 1 } })
    expect(() => refuseOverCap(capped, 0)).not.toThrow()
    const error = refusal(() => refuseOverCap(capped, 1))
    expect(error).toMatchObject({ code: 'MONTHLY_CAP', message: '每位会员每月限1次，本月已达上限' })
    const two = activity({ eligibility: { winsPerMonth: 2 } })
    expect(() => refuseOverCap(two, 1)).not.toThrow()
    expect(refusal(() => refuseOverCap(two, 2)).code).toBe('MONTHLY_CAP')
  })

  it('never refuses without a cap', () => {
    expect(() => refuseOverCap(activity(), 50)).not.toThrow()
  })
})

describe('monthAround', () => {
  it('is the Beijing month, which starts at 16:00 UTC the day before', () => {
    // 2026-06-30 17:00 UTC is 01:00 on 1 July in Beijing.
    expect(monthAround(new Date('2026-06-30T17:00:00Z'))).toEqual({
      from: new Date('2026-06-30T16:00:00Z'),
      to: new Date('2026-07-31T16:00:00Z'),
    })
    // An hour earlier (23:59 on 30 June in Beijing) is still June.
    expect(monthAround(new Date('2026-06-30T15:59:00Z'))).toEqual({
      from: new Date('2026-05-31T16:00:00Z'),
      to: new Date('2026-06-30T16:00:00Z'),
    })
  })

  it('holds its own start and not its end', () => {
    const { from, to } = monthAround(new Date('2026-07-15T04:00:00Z'))
    expect(monthAround(from).from).toEqual(from)
    expect(monthAround(to).from).toEqual(to)
  })
})

describe('entryActions, refuseCancel, refuseEdit', () => {
  const deadline = at(3 * DAY - 24 * HOUR)

  it('a lottery entry may be edited and withdrawn while the window is open, not after', () => {
    const a = lottery()
    const pending = entry(a)
    expect(pending.status).toBe('pending')
    expect(entryActions(pending, a, NOW)).toEqual(['edit', 'cancel'])
    expect(() => refuseEdit(pending, a, NOW)).not.toThrow()
    expect(() => refuseCancel(pending, a, NOW)).not.toThrow()

    const closed = at(DAY)
    expect(entryActions(pending, a, closed)).toEqual([])
    expect(refusal(() => refuseCancel(pending, a, closed))).toMatchObject({
      code: 'CANCEL_CLOSED',
      message: '报名已截止，不能再撤回',
    })
    expect(refusal(() => refuseEdit(pending, a, closed))).toMatchObject({
      code: 'INVALID_STATE',
      message: '报名已截止，不能再修改',
    })
  })

  it('a first-come entry may be cancelled until the cut-off, even after the window closed', () => {
    const a = activity()
    const confirmed = entry(a)
    expect(confirmed.status).toBe('confirmed')
    expect(entryActions(confirmed, a, NOW)).toEqual(['cancel'])
    expect(entryActions(confirmed, a, new Date(deadline.getTime() - 1))).toEqual(['cancel'])
    expect(entryActions(confirmed, a, deadline)).toEqual([])
    expect(refusal(() => refuseCancel(confirmed, a, deadline))).toMatchObject({
      code: 'CANCEL_CLOSED',
      message: '已过取消截止时间，不能取消',
    })
  })

  it('a first-come entry is never edited: the member cancels and signs up again', () => {
    const a = activity()
    expect(refusal(() => refuseEdit(entry(a), a, NOW))).toMatchObject({
      code: 'INVALID_STATE',
      message: '先到先得的报名不能修改，请取消后重新报名',
    })
  })

  it('lost, cancelled, used or missed, an entry allows nothing', () => {
    const a = lottery()
    for (const status of ['lost', 'cancelled', 'checkedIn', 'noShow'] as const) {
      const e = entry(a, { status })
      expect(entryActions(e, a, NOW)).toEqual([])
      expect(refusal(() => refuseCancel(e, a, NOW)).code).toBe('INVALID_STATE')
    }
  })

  it('a win is confirmed until its deadline and given back (我去不了了) until the cut-off', () => {
    const a = lottery({ drawnAt: at(-HOUR) })
    const won = entry(a, { status: 'won' })
    expect(entryActions(won, a, NOW)).toEqual(['confirm', 'cancel'])
    expect(entryActions({ ...won, confirmedAt: NOW }, a, NOW)).toEqual(['cancel'])
    // 24 h after the draw the confirmation has run out; the give-back lasts until the cut-off.
    expect(entryActions(won, a, at(23 * HOUR))).toEqual(['cancel'])
    const afterCutoff = at(2 * DAY + HOUR)
    expect(entryActions({ ...won, confirmedAt: NOW }, a, afterCutoff)).toEqual([])
    expect(refusal(() => refuseCancel(won, a, afterCutoff)).code).toBe('CANCEL_CLOSED')
  })

  it('an offer is accepted or declined until its own deadline; the waitlist is left until the start', () => {
    const a = lottery({ drawnAt: at(-HOUR) })
    const offered = entry(a, { status: 'offered', offerExpiresAt: at(2 * HOUR) })
    expect(entryActions(offered, a, NOW)).toEqual(['confirm', 'cancel'])
    expect(entryActions(offered, a, at(2 * HOUR))).toEqual([])
    expect(refusal(() => refuseCancel(offered, a, at(2 * HOUR))).code).toBe('CONFIRM_CLOSED')
    const waiting = entry(a, { status: 'waitlisted' })
    expect(entryActions(waiting, a, NOW)).toEqual(['cancel'])
    expect(entryActions(waiting, a, SESSION.startAt)).toEqual([])
  })

  it('an entry of a cancelled activity allows nothing', () => {
    const a = activity({ status: 'cancelled' })
    expect(entryActions(entry(a), a, NOW)).toEqual([])
    const l = lottery({ status: 'cancelled' })
    expect(entryActions(entry(l), l, NOW)).toEqual([])
  })
})

describe('entryFor', () => {
  it('a first-come entry is 报名成功 on its seat, a lottery one 待抽签, both sized with the member', () => {
    const seat = {
      companions: [{ name: '李四' }],
      seatRequest: 'req-1',
      actor: 'staff-openid',
      byStaff: true,
    }
    const first = entryFor(activity(), SESSION, { memberId: 'm_1' }, seat, null, 'req-1', NOW)
    expect(first).toMatchObject({
      _id: entryIdFor('activity-tea', 'm_1'),
      status: 'confirmed',
      partySize: 2,
      seatRequest: 'req-1',
      byStaff: true,
      sessionStartAt: SESSION.startAt,
      version: 1,
      lastRequest: 'req-1',
      requests: ['req-1'],
    })
    const again = entryFor(lottery(), SESSION, { memberId: 'm_1' }, seat, first, 'req-2', NOW)
    expect(again).toMatchObject({ status: 'pending', version: 2, requests: ['req-1', 'req-2'] })
  })
})

describe('withRequest and doneBy', () => {
  it('remembers the last 20 requests, newest last', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `r${i}`)
    const kept = withRequest({ requests: twenty }, 'r20')
    expect(kept).toHaveLength(20)
    expect(kept[0]).toBe('r1')
    expect(kept[19]).toBe('r20')
    expect(withRequest(null, 'r0')).toEqual(['r0'])
  })

  it('knows a request that already changed the entry, and only that', () => {
    const e = entry(activity(), { requests: ['a', 'b'] })
    expect(doneBy(e, 'b')).toBe(true)
    expect(doneBy(e, 'c')).toBe(false)
    expect(doneBy(e, undefined)).toBe(false)
    expect(doneBy(null, 'b')).toBe(false)
  })

  it('forgets a request pushed out by 20 newer ones', () => {
    let requests: string[] = ['old']
    for (let i = 0; i < 20; i++) requests = withRequest({ requests }, `new${i}`)
    const e = entry(activity(), { requests })
    expect(doneBy(e, 'old')).toBe(false)
    expect(doneBy(e, 'new0')).toBe(true)
  })
})
