/** 代会员报名's form module (src/admin/on-behalf/signup-form.ts), pure. */
import type { MyEntry, PartyRule, Session } from '@contract'
import {
  addCompanion,
  canAddCompanion,
  changeCompanion,
  partyRuleText,
  sessionChoiceLabel,
  signupFormOf,
  signupRequestOf,
  withActivity,
  type SignupForm,
} from '@/admin/on-behalf/signup-form'

const ADULTS: PartyRule = { maxSize: 2, family: null }
const FAMILY: PartyRule = { maxSize: 3, family: { childMinAge: 3, childMaxAge: 12 } }

function session(fields: Partial<Session> = {}): Session {
  return {
    id: 's1',
    startAt: '2025-06-15T23:30:00.000Z',
    endAt: '2025-06-16T01:00:00.000Z',
    seats: 30,
    seatsLeft: 5,
    entries: null,
    ...fields,
  }
}

describe('the on-behalf signup form', () => {
  it('builds entry.submitFor from the member, session and companions', () => {
    let form: SignupForm = { ...withActivity('act-1'), sessionId: 's1' }
    form = changeCompanion(addCompanion(form), 0, { name: ' 李四 ' })
    expect(signupRequestOf(form, 'm-1', ADULTS)).toEqual({
      ok: true,
      request: {
        memberId: 'm-1',
        activityId: 'act-1',
        sessionId: 's1',
        companions: [{ name: '李四' }],
      },
    })
  })

  it('asks for each child’s age in a family show, under the server’s paths', () => {
    let form: SignupForm = { ...withActivity('act-1'), sessionId: 's1' }
    form = addCompanion(addCompanion(form))
    form = changeCompanion(form, 0, { name: '小明', age: '6' })
    form = changeCompanion(form, 1, { name: '小红', age: 'six' })
    const result = signupRequestOf(form, 'm-1', FAMILY)
    expect(result).toEqual({ ok: false, errors: { 'companions.1.age': '年龄须为整数' } })
    const fixed = signupRequestOf(changeCompanion(form, 1, { age: '8' }), 'm-1', FAMILY)
    expect(fixed.ok && fixed.request.companions).toEqual([
      { name: '小明', age: 6 },
      { name: '小红', age: 8 },
    ])
  })

  it('counts the member in the party size', () => {
    const one = addCompanion(withActivity('act-1'))
    expect(canAddCompanion(one, ADULTS)).toBe(false)
    expect(canAddCompanion(one, FAMILY)).toBe(true)
    const two = addCompanion(one)
    const result = signupRequestOf({ ...two, sessionId: 's1' }, 'm-1', ADULTS)
    expect(result.ok ? null : result.errors.companions).toBe('每份报名最多2人（含会员本人）')
  })

  it('needs an activity and a session', () => {
    expect(signupRequestOf(withActivity('act-1'), 'm-1', ADULTS)).toEqual({
      ok: false,
      errors: { sessionId: '请选择场次' },
    })
  })

  it('starts a change from the entry as it stands', () => {
    const entry: MyEntry = {
      id: 'e-1',
      activityId: 'act-1',
      activityTitle: '杂技儿童剧《森林奇境》',
      allocation: 'lottery',
      sessionId: 's2',
      sessionStartAt: '2025-06-17T11:00:00.000Z',
      placeName: '杭州运河大剧院',
      status: 'pending',
      partySize: 2,
      companions: [{ name: '小明', age: 6 }],
      byStaff: true,
      cancelReason: null,
      cancelUntil: null,
      actions: ['edit', 'cancel'],
      waitlistPosition: null,
      weight: null,
      confirmBy: null,
      offerUntil: null,
      ticketCode: null,
      createdAt: '2025-06-13T01:00:00.000Z',
      updatedAt: '2025-06-13T01:00:00.000Z',
    }
    expect(signupFormOf(entry)).toMatchObject({
      activityId: 'act-1',
      sessionId: 's2',
      companions: [{ name: '小明', age: '6' }],
    })
  })

  it('labels sessions in Beijing time with seats left or entries so far', () => {
    expect(sessionChoiceLabel(session(), 'first-come')).toBe('6月16日 07:30 · 余5个名额')
    expect(sessionChoiceLabel(session({ seatsLeft: 0 }), 'first-come')).toBe(
      '6月16日 07:30 · 名额已满',
    )
    expect(sessionChoiceLabel(session({ seatsLeft: null, entries: 42 }), 'lottery')).toBe(
      '6月16日 07:30 · 已报42份',
    )
  })

  it('says the party rule in plain words', () => {
    expect(partyRuleText({ maxSize: 1, family: null })).toBe('仅限会员本人，不能带同行人')
    expect(partyRuleText(FAMILY)).toContain('3–12周岁儿童')
  })
})
