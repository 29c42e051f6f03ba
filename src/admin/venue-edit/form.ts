import type { ManagedVenue, ParamsOf, PolicyView, SlotBlockView, VenueStatus } from '@contract'
import { addDays } from '@/utils/time'

/**
 * The venue editor's form: what a venue is, its tables, its calendar (dates, weekdays, daily
 * hours, slot length, closed days, blocked slots) and, for a venue that exists, its booking
 * policy; a new venue starts on the server's default policy. Numbers stay text while typed: the
 * server validates the whole and names any field it refuses. The photo and days with special
 * hours are carried over unchanged.
 */
export interface VenueForm {
  name: string
  address: string
  phone: string
  notes: string
  tables: string
  from: string
  to: string
  open: string
  close: string
  slotMinutes: string
  /** 0 = Sunday … 6 = Saturday, as the calendar keeps them. */
  weekdays: number[]
  /** 闭馆日: the calendar's exceptions without hours. */
  closures: { date: string; reason: string }[]
  /** 停用时段: existing ones keep their id. */
  blocks: BlockForm[]
  /** null for a new venue (the default policy applies). */
  policy: PolicyForm | null
  status: VenueStatus
}

export type BlockForm = Omit<SlotBlockView, 'id'> & { id?: string }

export interface PolicyForm {
  daysAhead: string
  opensAt: string
  perMemberDay: string
  perMemberWeek: string
  activeAtOnce: string
  /** '' for no cap. */
  perUnitDay: string
  cancelNoticeMinutes: string
  lateCancel: PolicyView['lateCancel']
  checkInBefore: string
  checkInAfter: string
  /** false: no-shows bring no ban. */
  ban: boolean
  banNoShows: string
  banWithinDays: string
  banDays: string
}

/** Monday first, as a Chinese week is read. */
export const WEEKDAYS: readonly { day: number; label: string }[] = [
  { day: 1, label: '周一' },
  { day: 2, label: '周二' },
  { day: 3, label: '周三' },
  { day: 4, label: '周四' },
  { day: 5, label: '周五' },
  { day: 6, label: '周六' },
  { day: 0, label: '周日' },
]

export const BLOCK_KINDS: Record<SlotBlockView['kind'], string> = {
  maintenance: '维修保养',
  event: '工会活动',
}

function policyFormOf(policy: PolicyView): PolicyForm {
  const ban = policy.noShowBan
  return {
    daysAhead: String(policy.opens.daysAhead),
    opensAt: policy.opens.at,
    perMemberDay: String(policy.perMemberDay),
    perMemberWeek: String(policy.perMemberWeek),
    activeAtOnce: String(policy.activeAtOnce),
    perUnitDay: policy.perUnitDay === null ? '' : String(policy.perUnitDay),
    cancelNoticeMinutes: String(policy.cancelNoticeMinutes),
    lateCancel: policy.lateCancel,
    checkInBefore: String(policy.checkIn.beforeMinutes),
    checkInAfter: String(policy.checkIn.afterMinutes),
    ban: ban !== null,
    banNoShows: String(ban?.noShows ?? 2),
    banWithinDays: String(ban?.withinDays ?? 180),
    banDays: String(ban?.banDays ?? 30),
  }
}

function policyOf(form: PolicyForm): PolicyView {
  return {
    opens: { daysAhead: count(form.daysAhead), at: form.opensAt },
    perMemberDay: count(form.perMemberDay),
    perMemberWeek: count(form.perMemberWeek),
    activeAtOnce: count(form.activeAtOnce),
    perUnitDay: form.perUnitDay.trim() === '' ? null : count(form.perUnitDay),
    cancelNoticeMinutes: count(form.cancelNoticeMinutes),
    lateCancel: form.lateCancel,
    checkIn: { beforeMinutes: count(form.checkInBefore), afterMinutes: count(form.checkInAfter) },
    noShowBan: form.ban
      ? {
          noShows: count(form.banNoShows),
          withinDays: count(form.banWithinDays),
          banDays: count(form.banDays),
        }
      : null,
  }
}

export const STATUS_LABELS: Record<VenueStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
}
export const STATUSES: readonly VenueStatus[] = ['draft', 'published', 'archived']

export function formOf(venue: ManagedVenue | null, today: string): VenueForm {
  if (!venue)
    return {
      name: '',
      address: '',
      phone: '',
      notes: '',
      tables: '4',
      from: today,
      to: addDays(today, 29),
      open: '12:00',
      close: '20:30',
      slotMinutes: '60',
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      closures: [],
      blocks: [],
      policy: null,
      status: 'draft',
    }
  return {
    name: venue.name,
    address: venue.address,
    phone: venue.phone,
    notes: venue.notes,
    tables: String(venue.resourceList.filter((r) => r.active).length),
    from: venue.calendar.from,
    to: venue.calendar.to,
    open: venue.calendar.hours.open,
    close: venue.calendar.hours.close,
    slotMinutes: String(venue.calendar.slotMinutes),
    weekdays: [...venue.calendar.weekdays],
    closures: venue.calendar.exceptions
      .filter((e) => e.hours === null)
      .map((e) => ({ date: e.date, reason: e.reason })),
    blocks: venue.calendar.blocks.map((b) => ({ ...b })),
    policy: policyFormOf(venue.policy),
    status: venue.status,
  }
}

/** A count typed in; NaN goes to the server as is, which refuses it on its field. */
const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

export type VenueParams = ParamsOf<'venue.create'>

export function paramsOf(form: VenueForm, base: ManagedVenue | null): VenueParams {
  const n = count(form.tables)
  // Table i keeps its name (and id, which is its position) as long as it is listed.
  const names = base?.resourceList.map((r) => r.name) ?? []
  const resources = Array.from({ length: Number.isNaN(n) ? 0 : Math.min(n, 50) }, (_v, i) => ({
    name: names[i] ?? `${i + 1}号台`,
  }))
  const calendar = base?.calendar
  return {
    name: form.name,
    address: form.address,
    phone: form.phone,
    notes: form.notes,
    photoFileId: base?.photoFileId ?? null,
    resources,
    calendar: {
      from: form.from,
      to: form.to,
      weekdays: [...form.weekdays].sort(),
      hours: { open: form.open, close: form.close },
      slotMinutes: count(form.slotMinutes),
      remainder: calendar?.remainder ?? 'shorter-last',
      // Days with special hours are kept; the closed days are the form's.
      exceptions: [
        ...(calendar?.exceptions.filter((e) => e.hours !== null) ?? []),
        ...form.closures.map((c) => ({ ...c, hours: null })),
      ],
      blocks: form.blocks,
    },
    ...(form.policy ? { policy: policyOf(form.policy) } : {}),
    status: form.status,
  }
}
