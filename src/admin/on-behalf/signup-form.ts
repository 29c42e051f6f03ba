import type { Allocation, MyEntry, ParamsOf, PartyRule, Session } from '@contract'
import { formatShanghai } from '@/utils/time'
import type { FieldErrors } from '../components/field-paths'

/**
 * 代会员报名's form as plain data: which activity and session, and who comes along. The
 * request is built here; the rules (seats, the children's ages, caps, bans) are the server's,
 * whose messages come back per field (`companions.0.age`).
 */
export interface CompanionRow {
  /** Identifies the row on screen only. */
  key: string
  name: string
  /** Family shows only: the child's age as typed. */
  age: string
}

export interface SignupForm {
  activityId: string | null
  sessionId: string | null
  companions: CompanionRow[]
}

export type SignupRequest = ParamsOf<'entry.submitFor'>

let rows = 0
function rowKey(): string {
  rows += 1
  return `companion-${rows}`
}

export function emptySignup(): SignupForm {
  return { activityId: null, sessionId: null, companions: [] }
}

/** Another activity: its sessions and party rules differ, so nothing chosen carries over. */
export function withActivity(activityId: string): SignupForm {
  return { activityId, sessionId: null, companions: [] }
}

/** An entry being changed: the form starts from what it holds now. */
export function signupFormOf(entry: MyEntry): SignupForm {
  return {
    activityId: entry.activityId,
    sessionId: entry.sessionId,
    companions: entry.companions.map((c) => ({
      key: rowKey(),
      name: c.name,
      age: c.age === undefined ? '' : String(c.age),
    })),
  }
}

/** The member counts as one of the party. */
export function canAddCompanion(form: SignupForm, party: PartyRule): boolean {
  return 1 + form.companions.length < party.maxSize
}

export function addCompanion(form: SignupForm): SignupForm {
  return { ...form, companions: [...form.companions, { key: rowKey(), name: '', age: '' }] }
}

export function removeCompanion(form: SignupForm, index: number): SignupForm {
  return { ...form, companions: form.companions.filter((_, i) => i !== index) }
}

export function changeCompanion(
  form: SignupForm,
  index: number,
  patch: Partial<Pick<CompanionRow, 'name' | 'age'>>,
): SignupForm {
  return {
    ...form,
    companions: form.companions.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  }
}

export type BuiltSignup = { ok: true; request: SignupRequest } | { ok: false; errors: FieldErrors }

/** The form as `entry.submitFor` / `entry.editFor` take it, or what is still missing. */
export function signupRequestOf(form: SignupForm, memberId: string, party: PartyRule): BuiltSignup {
  const errors: FieldErrors = {}
  if (!form.activityId) errors.activityId = '请选择活动'
  if (!form.sessionId) errors.sessionId = '请选择场次'
  if (1 + form.companions.length > party.maxSize)
    errors.companions = `每份报名最多${party.maxSize}人（含会员本人）`
  const companions = form.companions.map((c, i) => {
    const name = c.name.trim()
    if (!name) errors[`companions.${i}.name`] = '请填写同行人姓名'
    if (!party.family) return { name }
    const age = c.age.trim()
    if (!age) errors[`companions.${i}.age`] = '请填写儿童年龄'
    else if (!/^\d+$/.test(age)) errors[`companions.${i}.age`] = '年龄须为整数'
    return { name, age: Number(age) }
  })
  if (Object.keys(errors).length > 0 || !form.activityId || !form.sessionId) {
    return { ok: false, errors }
  }
  return {
    ok: true,
    request: { memberId, activityId: form.activityId, sessionId: form.sessionId, companions },
  }
}

/** A session as staff choose it: when, and how full (seats left, or entries so far). */
export function sessionChoiceLabel(session: Session, allocation: Allocation): string {
  const when = formatShanghai(session.startAt, 'M月D日 HH:mm')
  if (allocation === 'first-come' && session.seatsLeft !== null) {
    return session.seatsLeft > 0 ? `${when} · 余${session.seatsLeft}个名额` : `${when} · 名额已满`
  }
  if (allocation === 'lottery' && session.entries !== null) {
    return `${when} · 已报${session.entries}份`
  }
  return when
}

/** The party rule in plain words, as said to the member on the phone. */
export function partyRuleText(party: PartyRule): string {
  const size =
    party.maxSize === 1
      ? '仅限会员本人，不能带同行人'
      : `每份报名最多${party.maxSize}人（含会员本人）`
  if (!party.family) return size
  return `${size}；亲子场：同行人须为${party.family.childMinAge}–${party.family.childMaxAge}周岁儿童，由会员本人陪同`
}

/** Every path the form shows next to a field; anything else goes with the result. */
export const PLACED_PATHS = ['activityId', 'sessionId', 'companions', 'reason'] as const
