import type {
  ActivityFields,
  ActivityPhase,
  Allocation,
  Category,
  Eligibility,
  NextTime,
  PartyRule,
  Place,
  TicketPolicy,
} from '../contract/activity'
import type { WeightPolicy } from '../contract/draw'
import { ApiError } from '../contract/errors'
import { DEFAULT_WEIGHT_POLICY } from './draw'
import { DEFAULT_TICKET_POLICY } from './ticket'

/**
 * 活动 rules. Staff move an activity from draft to published and may cancel it; every other
 * phase (即将开放, 报名中, 报名截止, 已结束) follows from the clock at read time, so no job or
 * forgotten click can leave a window open. Every change bumps `version`.
 */
export interface SessionRecord {
  id: string
  startAt: Date
  endAt: Date
  seats: number
}

export type ActivityStatus = 'draft' | 'published' | 'cancelled'

export interface ActivityRecord {
  _id: string
  title: string
  category: Category
  posterFileId: string | null
  description: string
  place: Place
  sessions: SessionRecord[]
  allocation: Allocation
  signupOpensAt: Date
  signupClosesAt: Date
  drawAt: Date | null
  party: PartyRule
  eligibility: Eligibility
  cancelCutoffHours: number
  status: ActivityStatus
  cancelReason: string | null
  /** Kept with the sessions, so lists sort and filter without reading them. */
  firstSessionAt: Date
  lastSessionEndAt: Date
  /** Lottery: the hash of the secret seed, published when the activity is (docs/draw.md). */
  seedHash?: string | null
  /** Lottery: when the scheduler froze the entrant lists, and when it drew them. */
  frozenAt?: Date | null
  drawnAt?: Date | null
  /** Lottery: how entrants are weighed; published with each record. */
  weightPolicy?: WeightPolicy
  /** Confirmation and offer deadlines, the no-show ban; absent on older records (the default). */
  ticketPolicy?: TicketPolicy
  /** Sessions whose day-before reminder went out, and whose no-shows were recorded. */
  remindedSessions?: string[]
  closedSessions?: string[]
  /** How many session ids were ever issued (`s1`…`sN`); absent on records seeded before it. */
  sessionsIssued?: number
  version: number
  createdAt: Date
  updatedAt: Date
  createdBy: string
  updatedBy: string
  /** The idempotency key of the last write that changed it. */
  lastRequest?: string | null
}

export type NewActivity = Omit<ActivityRecord, '_id'>
export type ActivityChange = Partial<Omit<ActivityRecord, '_id' | 'createdAt' | 'createdBy'>> & {
  version: number
  updatedAt: Date
  updatedBy: string
}

/** The settings as staff enter them, with instants already parsed. */
export interface ActivitySettings {
  title: string
  category: Category
  posterFileId: string | null
  description: string
  place: Place
  sessions: Array<{ id?: string; startAt: Date; endAt: Date; seats: number }>
  allocation: Allocation
  signupOpensAt: Date
  signupClosesAt: Date
  drawAt: Date | null
  party: PartyRule
  eligibility: Eligibility
  cancelCutoffHours: number
  /** Lottery weights; undefined keeps what the activity has (the default for a new one). */
  weightPolicy?: WeightPolicy
  /** Likewise for deadlines and the no-show ban. */
  ticketPolicy?: TicketPolicy
}

export function settingsFrom(fields: ActivityFields): ActivitySettings {
  return {
    title: fields.title,
    category: fields.category,
    posterFileId: fields.posterFileId ?? null,
    description: fields.description,
    place: fields.place,
    sessions: fields.sessions.map((s) => ({
      id: s.id,
      startAt: new Date(s.startAt),
      endAt: new Date(s.endAt),
      seats: s.seats,
    })),
    allocation: fields.allocation,
    signupOpensAt: new Date(fields.signupOpensAt),
    signupClosesAt: new Date(fields.signupClosesAt),
    drawAt: fields.drawAt ? new Date(fields.drawAt) : null,
    party: fields.party,
    eligibility: fields.eligibility,
    cancelCutoffHours: fields.cancelCutoffHours,
    weightPolicy: fields.weightPolicy,
    ticketPolicy: fields.ticketPolicy,
  }
}

/**
 * Settings no activity can run with, each named on its field with a Chinese message: a window
 * that ends before it opens, a session in the past or ending before it starts, a draw before
 * the window closes or after the first session. Sessions that already existed may lie in the
 * past (an edit of a running activity), new ones may not.
 */
export function impossibleSettings(
  settings: ActivitySettings,
  now: Date,
  existingSessionIds: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const fields: Record<string, string> = {}
  const { signupOpensAt: opens, signupClosesAt: closes } = settings
  if (closes <= opens) fields.signupClosesAt = '报名截止时间须晚于报名开始时间'
  else if (closes <= now && existingSessionIds.size === 0)
    fields.signupClosesAt = '报名截止时间已过'
  const seen = new Set<string>()
  settings.sessions.forEach((session, i) => {
    const at = `sessions.${i}`
    if (session.id !== undefined) {
      if (seen.has(session.id)) fields[`${at}.id`] = '场次重复'
      else if (!existingSessionIds.has(session.id)) fields[`${at}.id`] = '场次不存在，请刷新后再试'
      seen.add(session.id)
    }
    const isNew = session.id === undefined
    if (isNew && session.startAt <= now) fields[`${at}.startAt`] = '场次开始时间已过'
    else if (session.startAt < closes) fields[`${at}.startAt`] = '场次须在报名截止之后开始'
    if (session.endAt <= session.startAt) fields[`${at}.endAt`] = '结束时间须晚于开始时间'
  })
  const firstStart = Math.min(...settings.sessions.map((s) => s.startAt.getTime()))
  if (settings.allocation === 'lottery') {
    if (!settings.drawAt) fields.drawAt = '抽签活动须设置抽签时间'
    else if (settings.drawAt < closes) fields.drawAt = '抽签时间须在报名截止之后'
    else if (settings.drawAt.getTime() >= firstStart) fields.drawAt = '抽签时间须在第一场开始之前'
  } else if (settings.drawAt) {
    fields.drawAt = '先到先得的活动没有抽签时间'
  }
  const family = settings.party.family
  if (family) {
    if (family.childMaxAge < family.childMinAge)
      fields['party.family.childMaxAge'] = '儿童最大年龄不能小于最小年龄'
    if (settings.party.maxSize < 2) fields['party.maxSize'] = '亲子活动每份报名至少2人（含1名儿童）'
  }
  return fields
}

function refuseImpossible(fields: Record<string, string>): void {
  const first = Object.values(fields)[0]
  if (first) throw new ApiError('INVALID_INPUT', first, fields)
}

/**
 * `s1`, `s2`, …: new sessions take numbers after the highest ever issued (kept on the record),
 * so a removed session's id never comes back to meet its old entries or seat document.
 */
function withSessionIds(
  sessions: ActivitySettings['sessions'],
  issued: number,
): { sessions: SessionRecord[]; sessionsIssued: number } {
  let next = issued
  const numbered = sessions.map((s) => ({
    id: s.id ?? `s${++next}`,
    startAt: s.startAt,
    endAt: s.endAt,
    seats: s.seats,
  }))
  return { sessions: numbered, sessionsIssued: next }
}

/** The highest session number issued; records from before the counter count their ids. */
function issuedOf(activity: ActivityRecord): number {
  const seen = activity.sessions.map((s) => Number(s.id.slice(1)) || 0)
  return Math.max(activity.sessionsIssued ?? 0, ...seen)
}

function timeline(
  sessions: SessionRecord[],
): Pick<ActivityRecord, 'firstSessionAt' | 'lastSessionEndAt'> {
  return {
    firstSessionAt: new Date(Math.min(...sessions.map((s) => s.startAt.getTime()))),
    lastSessionEndAt: new Date(Math.max(...sessions.map((s) => s.endAt.getTime()))),
  }
}

/** A new activity is a draft: staff check it before members see it. */
export function draftActivity(settings: ActivitySettings, by: string, now: Date): NewActivity {
  // Every session of a new activity is new, whatever ids the form carried.
  const fresh = { ...settings, sessions: settings.sessions.map((s) => ({ ...s, id: undefined })) }
  refuseImpossible(impossibleSettings(fresh, now))
  const { sessions, sessionsIssued } = withSessionIds(fresh.sessions, 0)
  return {
    ...settings,
    weightPolicy: settings.weightPolicy ?? DEFAULT_WEIGHT_POLICY,
    ticketPolicy: settings.ticketPolicy ?? DEFAULT_TICKET_POLICY,
    sessions,
    sessionsIssued,
    ...timeline(sessions),
    status: 'draft',
    cancelReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: by,
    updatedBy: by,
  }
}

/** Per session id: seats already taken (first-come) and live entries, which an edit must respect. */
export type SessionUse = ReadonlyMap<string, { seats: number; entries: number }>

/**
 * An edit replaces the settings whole. Once signups are open the allocation stays, no session
 * that holds entries may go, and no session may shrink below the seats already taken.
 */
export function editActivity(
  activity: ActivityRecord,
  settings: ActivitySettings,
  fromVersion: number,
  inUse: SessionUse,
  by: string,
  now: Date,
): ActivityChange {
  if (activity.status === 'cancelled') throw new ApiError('INVALID_STATE', '活动已取消，不能再编辑')
  if (fromVersion !== activity.version) throw new ApiError('CONFLICT')
  const existing = activity.sessions.map((s) => s.id)
  const fields = impossibleSettings(settings, now, new Set(existing))
  const started = activity.status === 'published' && activity.signupOpensAt <= now
  if (started && settings.allocation !== activity.allocation)
    fields.allocation = '报名开始后不能更改分配方式'
  const kept = new Set(settings.sessions.map((s) => s.id).filter(Boolean))
  for (const id of existing) {
    if (!kept.has(id) && (inUse.get(id)?.entries ?? 0) > 0)
      fields.sessions = '已有报名的场次不能删除'
  }
  settings.sessions.forEach((s, i) => {
    const taken = s.id ? (inUse.get(s.id)?.seats ?? 0) : 0
    if (s.seats < taken)
      fields[`sessions.${i}.seats`] = `已有${taken}个名额被占用，名额不能少于此数`
  })
  refuseImpossible(fields)
  const { sessions, sessionsIssued } = withSessionIds(settings.sessions, issuedOf(activity))
  return {
    ...settings,
    weightPolicy: settings.weightPolicy ?? activity.weightPolicy ?? DEFAULT_WEIGHT_POLICY,
    ticketPolicy: settings.ticketPolicy ?? activity.ticketPolicy ?? DEFAULT_TICKET_POLICY,
    sessions,
    sessionsIssued,
    ...timeline(sessions),
    version: activity.version + 1,
    updatedAt: now,
    updatedBy: by,
  }
}

export function publishActivity(activity: ActivityRecord, by: string, now: Date): ActivityChange {
  if (activity.status !== 'draft') throw new ApiError('INVALID_STATE', '只有草稿可以发布')
  if (activity.signupClosesAt <= now)
    throw new ApiError('INVALID_INPUT', '报名截止时间已过，请先修改时间', {
      signupClosesAt: '报名截止时间已过',
    })
  return { status: 'published', version: activity.version + 1, updatedAt: now, updatedBy: by }
}

export function cancelActivity(
  activity: ActivityRecord,
  reason: string,
  by: string,
  now: Date,
): ActivityChange {
  if (activity.status === 'cancelled') throw new ApiError('INVALID_STATE', '活动已取消')
  if (phaseOf(activity, now) === 'finished')
    throw new ApiError('INVALID_STATE', '活动已结束，不能取消')
  return {
    status: 'cancelled',
    cancelReason: reason,
    version: activity.version + 1,
    updatedAt: now,
    updatedBy: by,
  }
}

/** Where the activity stands at `now`; only draft and cancelled are stored, the rest is time. */
export function phaseOf(activity: ActivityRecord, now: Date): ActivityPhase {
  if (activity.status === 'draft') return 'draft'
  if (activity.status === 'cancelled') return 'cancelled'
  if (now < activity.signupOpensAt) return 'upcoming'
  if (now < activity.signupClosesAt) return 'open'
  if (now < activity.lastSessionEndAt) return 'closed'
  return 'finished'
}

/** The one time a card shows next to the phase. */
export function nextTime(activity: ActivityRecord, now: Date): NextTime {
  const iso = (at: Date) => at.toISOString()
  switch (phaseOf(activity, now)) {
    case 'draft':
    case 'upcoming':
      return { kind: 'opens', at: iso(activity.signupOpensAt) }
    case 'open':
      return { kind: 'closes', at: iso(activity.signupClosesAt) }
    case 'closed': {
      if (activity.drawAt && now < activity.drawAt)
        return { kind: 'draw', at: iso(activity.drawAt) }
      const next = activity.sessions
        .filter((s) => s.startAt > now)
        .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())[0]
      return next
        ? { kind: 'starts', at: iso(next.startAt) }
        : { kind: 'ongoing', at: iso(activity.lastSessionEndAt) }
    }
    case 'finished':
      return { kind: 'ended', at: null }
    case 'cancelled':
      return { kind: 'cancelled', at: null }
  }
}

export function sessionOf(activity: ActivityRecord, sessionId: string): SessionRecord | undefined {
  return activity.sessions.find((s) => s.id === sessionId)
}

/** Until when an entry of this session may be cancelled (开场前 N 小时). */
export function cancelDeadline(activity: ActivityRecord, session: SessionRecord): Date {
  return new Date(session.startAt.getTime() - activity.cancelCutoffHours * 3_600_000)
}
