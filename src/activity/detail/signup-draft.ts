import type { Activity, MyEntry, ParamsOf } from '@contract'

/** A companion row as typed: the age stays text until it is sent. */
export interface CompanionRow {
  /** A stable React key, so removing a row never moves another row's text. */
  key: number
  name: string
  age: string
}

export interface SignupDraft {
  sessionId: string | null
  companions: CompanionRow[]
}

export type SignupParams = ParamsOf<'entry.submit'>

/** Field path (as the server names it: `sessionId`, `companions.0.age`) → Chinese message. */
export type FieldErrors = Record<string, string>

let nextKey = 1
export function companionRow(name = '', age = ''): CompanionRow {
  return { key: nextKey++, name, age }
}

/**
 * An edit starts from the entry. A new signup starts from the only session when there is one,
 * and for a family show with the one child row it cannot do without.
 */
export function draftFor(activity: Activity, entry: MyEntry | null): SignupDraft {
  if (entry) {
    return {
      sessionId: entry.sessionId,
      companions: entry.companions.map((c) =>
        companionRow(c.name, c.age === undefined ? '' : String(c.age)),
      ),
    }
  }
  const only = activity.sessions.length === 1 ? activity.sessions[0].id : null
  return { sessionId: only, companions: activity.party.family ? [companionRow()] : [] }
}

/** A first check on the phone, with the server's field names; the server checks it all again. */
export function draftErrors(draft: SignupDraft, activity: Activity): FieldErrors {
  const errors: FieldErrors = {}
  if (!draft.sessionId) errors.sessionId = '请选择场次'
  if (draft.companions.length > activity.party.maxSize - 1) {
    errors.companions = `每份报名最多${activity.party.maxSize}人（含本人）`
  }
  const family = activity.party.family
  if (family && draft.companions.length === 0) errors.companions = '亲子活动须带至少1名儿童'
  draft.companions.forEach((row, i) => {
    if (!row.name.trim()) errors[`companions.${i}.name`] = '请填写同行人姓名'
    if (!family) return
    const age = row.age.trim()
    if (!age) errors[`companions.${i}.age`] = '请填写儿童年龄'
    else if (!/^\d{1,2}$/.test(age)) errors[`companions.${i}.age`] = '年龄须为整数'
    else if (Number(age) < family.childMinAge || Number(age) > family.childMaxAge) {
      errors[`companions.${i}.age`] =
        `儿童年龄须在${family.childMinAge}至${family.childMaxAge}岁之间`
    }
  })
  return errors
}

export function paramsOf(draft: SignupDraft, activity: Activity): SignupParams {
  const family = activity.party.family !== null
  return {
    activityId: activity.id,
    sessionId: draft.sessionId ?? '',
    companions: draft.companions.map((row) =>
      family ? { name: row.name.trim(), age: Number(row.age.trim()) } : { name: row.name.trim() },
    ),
  }
}
