import type { Allocation, Category, ManagedActivity, ParamsOf } from '@contract'
import { type FieldErrors, isUnder } from '../components/field-paths'
import { addDays, formatShanghai, isFuture, shanghaiInstant, shanghaiParts } from '@/utils/time'

/**
 * The activity editor's form as plain data, and the pure steps between it and the contract:
 * a ManagedActivity into the form, the form into the create/update request, and where each of
 * the server's per-field messages (`sessions.1.startAt`, `party.family.childMaxAge`) is shown.
 * Times are held as Beijing wall-clock date and time, as staff type them; they become ISO
 * instants with +08:00 only in the request.
 */

/** A picker pair on Beijing's wall clock: YYYY-MM-DD and HH:mm, '' until chosen. */
export interface WallTime {
  date: string
  time: string
}

export interface SessionRow {
  /** Identifies the row on screen only; never sent. */
  key: string
  /** Kept from the server so an edit keeps the session and its entries; absent for a new one. */
  id?: string
  date: string
  startTime: string
  /** On the start's day, or the next day when earlier than the start (a show past midnight). */
  endTime: string
  seats: string
}

/** Numbers stay the text typed until the request is built, so a half-typed value is not lost. */
export interface ActivityForm {
  title: string
  category: Category
  posterFileId: string | null
  posterPreview: string | null
  description: string
  placeName: string
  placeAddress: string
  sessions: SessionRow[]
  allocation: Allocation
  opens: WallTime
  closes: WallTime
  /** Lottery only; ignored for first-come. */
  draw: WallTime
  partyMaxSize: string
  family: boolean
  childMinAge: string
  childMaxAge: string
  /** '' = no monthly cap. */
  winsPerMonth: string
  cancelCutoffHours: string
  /**
   * 中签确认与爽约: the activity's ticket policy, for an activity that exists (a new one starts on
   * the server's default, shown once it is saved).
   */
  ticketPolicy: TicketPolicyForm | null
}

export interface TicketPolicyForm {
  confirmHours: string
  offerHours: string
  /** false: no-shows bring no ban. */
  ban: boolean
  banNoShows: string
  banWithinDays: string
  banDays: string
}

export type ActivityRequest = ParamsOf<'activity.create'>
export type { FieldErrors }
export type Built = { ok: true; request: ActivityRequest } | { ok: false; errors: FieldErrors }

let rows = 0
function rowKey(): string {
  rows += 1
  return `row-${rows}`
}

export function newSession(previous?: SessionRow): SessionRow {
  // Staff add the next evening of the same show: same hours and seats, a new date to choose.
  return {
    key: rowKey(),
    date: '',
    startTime: previous?.startTime ?? '19:30',
    endTime: previous?.endTime ?? '21:30',
    seats: previous?.seats ?? '',
  }
}

export function emptyForm(): ActivityForm {
  return {
    title: '',
    category: 'show',
    posterFileId: null,
    posterPreview: null,
    description: '',
    placeName: '',
    placeAddress: '',
    sessions: [newSession()],
    allocation: 'lottery',
    opens: { date: '', time: '09:00' },
    closes: { date: '', time: '18:00' },
    draw: { date: '', time: '10:00' },
    partyMaxSize: '1',
    family: false,
    childMinAge: '3',
    childMaxAge: '12',
    winsPerMonth: '',
    cancelCutoffHours: '24',
    ticketPolicy: null,
  }
}

export function formOf(activity: ManagedActivity): ActivityForm {
  const family = activity.party.family
  return {
    title: activity.title,
    category: activity.category,
    // `activity.update` replaces every field: the stored poster goes back with the edit.
    posterFileId: activity.posterFileId,
    posterPreview: activity.posterUrl,
    description: activity.description,
    placeName: activity.place.name,
    placeAddress: activity.place.address,
    sessions: activity.sessions.map((s) => {
      const start = shanghaiParts(s.startAt)
      return {
        key: rowKey(),
        id: s.id,
        date: start.date,
        startTime: start.time,
        endTime: shanghaiParts(s.endAt).time,
        seats: String(s.seats),
      }
    }),
    allocation: activity.allocation,
    opens: shanghaiParts(activity.signupOpensAt),
    closes: shanghaiParts(activity.signupClosesAt),
    draw: activity.drawAt ? shanghaiParts(activity.drawAt) : { date: '', time: '10:00' },
    partyMaxSize: String(activity.party.maxSize),
    family: family !== null,
    childMinAge: String(family?.childMinAge ?? 3),
    childMaxAge: String(family?.childMaxAge ?? 12),
    winsPerMonth:
      activity.eligibility.winsPerMonth === null ? '' : String(activity.eligibility.winsPerMonth),
    cancelCutoffHours: String(activity.cancelCutoffHours),
    ticketPolicy: ticketPolicyFormOf(activity.ticketPolicy),
  }
}

function ticketPolicyFormOf(policy: ManagedActivity['ticketPolicy']): TicketPolicyForm {
  const ban = policy.noShowBan
  return {
    confirmHours: String(policy.confirmHours),
    offerHours: String(policy.offerHours),
    ban: ban !== null,
    banNoShows: String(ban?.noShows ?? 2),
    banWithinDays: String(ban?.withinDays ?? 180),
    banDays: String(ban?.banDays ?? 30),
  }
}

/** The end of a session: the same day, or the next one when the end time is before the start. */
export function endsNextDay(row: Pick<SessionRow, 'startTime' | 'endTime'>): boolean {
  return row.endTime !== '' && row.startTime !== '' && row.endTime < row.startTime
}

function instant(at: WallTime): string {
  return shanghaiInstant(at.date, at.time)
}

/**
 * The form as `activity.create` takes it (and `activity.update` with id and version), or the
 * fields that are missing or not a whole number. Only what the phone can tell without the
 * server is checked here; every rule (a window that ends before it opens, a session in the past,
 * seats ≤ 0) is the server's, whose messages come back per field.
 */
export function requestOf(form: ActivityForm): Built {
  const errors: FieldErrors = {}
  const text = (key: string, value: string, missing: string): string => {
    const trimmed = value.trim()
    if (!trimmed) errors[key] = missing
    return trimmed
  }
  const whole = (key: string, value: string, label: string, optional = false): number | null => {
    const trimmed = value.trim()
    if (!trimmed) {
      if (!optional) errors[key] = `请填写${label}`
      return null
    }
    if (!/^\d+$/.test(trimmed)) {
      errors[key] = `${label}须为整数`
      return null
    }
    return Number(trimmed)
  }
  const at = (key: string, value: WallTime, label: string): string => {
    if (!value.date || !value.time) {
      errors[key] = `请选择${label}`
      return ''
    }
    return instant(value)
  }

  const title = text('title', form.title, '请填写标题')
  const description = text('description', form.description, '请填写活动介绍')
  const placeName = text('place.name', form.placeName, '请填写地点名称')
  const placeAddress = text('place.address', form.placeAddress, '请填写地址')
  if (form.sessions.length === 0) errors.sessions = '请至少添加一个场次'
  const sessions = form.sessions.map((row, i) => {
    const startAt = at(
      `sessions.${i}.startAt`,
      { date: row.date, time: row.startTime },
      '场次日期和开始时间',
    )
    let endAt = ''
    if (!row.endTime) errors[`sessions.${i}.endAt`] = '请选择结束时间'
    else if (row.endTime === row.startTime)
      errors[`sessions.${i}.endAt`] = '结束时间不能与开始时间相同'
    else if (row.date) {
      endAt = instant({
        date: endsNextDay(row) ? addDays(row.date, 1) : row.date,
        time: row.endTime,
      })
    }
    const seats = whole(`sessions.${i}.seats`, row.seats, '名额') ?? 0
    return row.id ? { id: row.id, startAt, endAt, seats } : { startAt, endAt, seats }
  })
  const signupOpensAt = at('signupOpensAt', form.opens, '报名开始时间')
  const signupClosesAt = at('signupClosesAt', form.closes, '报名截止时间')
  const drawAt = form.allocation === 'lottery' ? at('drawAt', form.draw, '抽签时间') : null
  const maxSize = whole('party.maxSize', form.partyMaxSize, '每份报名人数上限') ?? 0
  const family = form.family
    ? {
        childMinAge: whole('party.family.childMinAge', form.childMinAge, '儿童最小年龄') ?? 0,
        childMaxAge: whole('party.family.childMaxAge', form.childMaxAge, '儿童最大年龄') ?? 0,
      }
    : null
  const winsPerMonth = whole('eligibility.winsPerMonth', form.winsPerMonth, '每月上限', true)
  const cancelCutoffHours =
    whole('cancelCutoffHours', form.cancelCutoffHours, '取消截止小时数') ?? 0
  const policy = form.ticketPolicy
  const ticketPolicy = policy && {
    confirmHours: whole('ticketPolicy.confirmHours', policy.confirmHours, '中签确认时限') ?? 0,
    offerHours: whole('ticketPolicy.offerHours', policy.offerHours, '递补确认时限') ?? 0,
    noShowBan: policy.ban
      ? {
          noShows: whole('ticketPolicy.noShowBan.noShows', policy.banNoShows, '爽约次数') ?? 0,
          withinDays:
            whole('ticketPolicy.noShowBan.withinDays', policy.banWithinDays, '爽约统计天数') ?? 0,
          banDays: whole('ticketPolicy.noShowBan.banDays', policy.banDays, '暂停报名天数') ?? 0,
        }
      : null,
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: {
      title,
      category: form.category,
      posterFileId: form.posterFileId,
      description,
      place: { name: placeName, address: placeAddress },
      sessions,
      allocation: form.allocation,
      signupOpensAt,
      signupClosesAt,
      drawAt,
      party: { maxSize, family },
      eligibility: { winsPerMonth },
      cancelCutoffHours,
      ...(ticketPolicy ? { ticketPolicy } : {}),
    },
  }
}

/** Unsaved changes: the form no longer builds the request the saved activity builds. */
export function isDirty(form: ActivityForm, saved: ManagedActivity | undefined): boolean {
  if (!saved) return true
  const now = requestOf(form)
  const then = requestOf(formOf(saved))
  if (!now.ok || !then.ok) return true
  return JSON.stringify(now.request) !== JSON.stringify(then.request)
}

// ---- rows ------------------------------------------------------------------------------------

export function addSession(form: ActivityForm): ActivityForm {
  return { ...form, sessions: [...form.sessions, newSession(form.sessions.at(-1))] }
}

export function removeSession(form: ActivityForm, index: number): ActivityForm {
  return { ...form, sessions: form.sessions.filter((_, i) => i !== index) }
}

export function changeSession(
  form: ActivityForm,
  index: number,
  patch: Partial<Omit<SessionRow, 'key' | 'id'>>,
): ActivityForm {
  return {
    ...form,
    sessions: form.sessions.map((row, i) => (i === index ? { ...row, ...patch } : row)),
  }
}

// ---- where the server's messages go ------------------------------------------------------------

/** Every path the editor shows next to a field; anything else is shown above the form. */
export const PLACED_PATHS = [
  'title',
  'category',
  'posterFileId',
  'description',
  'place',
  'sessions',
  'allocation',
  'signupOpensAt',
  'signupClosesAt',
  'drawAt',
  'party',
  'eligibility',
  'cancelCutoffHours',
  'ticketPolicy',
  'reason',
] as const

/** Which messages an edit of a form field makes stale: they were about the old value. */
const ERRORS_OF: Record<keyof ActivityForm, readonly string[]> = {
  title: ['title'],
  category: ['category'],
  posterFileId: ['posterFileId'],
  posterPreview: [],
  description: ['description'],
  placeName: ['place.name', 'place'],
  placeAddress: ['place.address'],
  sessions: ['sessions'],
  allocation: ['allocation', 'drawAt'],
  opens: ['signupOpensAt'],
  closes: ['signupClosesAt'],
  draw: ['drawAt'],
  partyMaxSize: ['party.maxSize', 'party'],
  family: ['party.family'],
  childMinAge: ['party.family'],
  childMaxAge: ['party.family'],
  winsPerMonth: ['eligibility'],
  cancelCutoffHours: ['cancelCutoffHours'],
  ticketPolicy: ['ticketPolicy'],
}

export function withoutErrors(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  const kept: FieldErrors = {}
  for (const [key, message] of Object.entries(errors)) {
    // `place` as a prefix would take `place.address` too: a form field clears its exact key.
    const stale = prefixes.some((p) =>
      p === 'place' || p === 'party' ? key === p : isUnder(key, p),
    )
    if (!stale) kept[key] = message
  }
  return kept
}

export function errorsAfterEdit(errors: FieldErrors, field: keyof ActivityForm): FieldErrors {
  return withoutErrors(errors, ERRORS_OF[field])
}

// ---- what staff may do, and what they are told ------------------------------------------------

export interface EditorActions {
  save: boolean
  publish: boolean
  cancel: boolean
}

/** A cancelled or finished activity is history: nothing more to save, publish or cancel. */
export function editorActions(activity: ManagedActivity | undefined): EditorActions {
  if (!activity) return { save: true, publish: true, cancel: false }
  const over = activity.status === 'cancelled' || activity.phase === 'finished'
  return {
    save: !over,
    publish: activity.status === 'draft',
    cancel: !over && activity.status === 'published',
  }
}

/** The publish confirmation: when members can sign up. */
export function publishPrompt(opensAt: string, closesAt: string, now: Date = new Date()): string {
  return isFuture(opensAt, now)
    ? `发布后会员即可看到此活动，将于${formatShanghai(opensAt)}开放报名。确定发布吗？`
    : `报名开始时间已过，发布后立即开放报名，${formatShanghai(closesAt)}截止。确定发布吗？`
}
