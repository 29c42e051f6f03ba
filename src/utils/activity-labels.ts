import type {
  ActivityPhase,
  Allocation,
  Category,
  EntryAction,
  EntryStatus,
  NextTime,
  PhaseFilter,
} from '@contract'
import type { BadgeTone } from '@/components/status-badge'

/**
 * The words members and staff read for the contract's enums, shared by the member pages and the
 * admin subpackage (so it lives in the main package: a subpackage cannot require another's
 * modules). Typed as `Record<…>` so that a value the contract gains fails to compile until it
 * has its words here (the app never imports the contract's runtime lists: no zod in the
 * mini-program).
 */
export const CATEGORY_LABELS: Record<Category, string> = {
  show: '演出',
  tea: '茶会',
  lecture: '讲座',
  sport: '体育',
  other: '其他',
}

export const ALLOCATION_LABELS: Record<Allocation, string> = {
  lottery: '抽签',
  'first-come': '先到先得',
}

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  draft: '草稿',
  upcoming: '即将开放',
  open: '报名中',
  closed: '报名截止',
  finished: '已结束',
  cancelled: '已取消',
}

export const PHASE_FILTER_LABELS: Record<PhaseFilter, string> = {
  open: '报名中',
  upcoming: '即将开放',
  ended: '已结束',
}

/** What a card's one time means (NextTime.kind). */
export const NEXT_TIME_LABELS: Record<NextTime['kind'], string> = {
  opens: '开放报名',
  closes: '报名截止',
  draw: '抽签',
  starts: '开始',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
}

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  confirmed: '报名成功',
  pending: '待抽签',
  won: '已中签',
  lost: '未中签',
  waitlisted: '候补中',
  offered: '递补待确认',
  cancelled: '已取消',
  checkedIn: '已签到',
  noShow: '爽约',
}

export const ENTRY_ACTION_LABELS: Record<EntryAction, string> = {
  edit: '修改报名',
  cancel: '取消报名',
  confirm: '确认参加',
}

const PHASE_TONES: Record<ActivityPhase, BadgeTone> = {
  draft: 'grey',
  upcoming: 'amber',
  open: 'green',
  closed: 'grey',
  finished: 'grey',
  cancelled: 'grey',
}

const ENTRY_TONES: Record<EntryStatus, BadgeTone> = {
  confirmed: 'green',
  pending: 'amber',
  won: 'green',
  lost: 'grey',
  waitlisted: 'amber',
  offered: 'amber',
  cancelled: 'grey',
  checkedIn: 'green',
  noShow: 'red',
}

export interface BadgeView {
  text: string
  tone: BadgeTone
}

/** A lottery whose window has closed is waiting for its draw: members read 待抽签, not 报名截止. */
export function phaseBadge(phase: ActivityPhase, allocation: Allocation): BadgeView {
  if (phase === 'closed' && allocation === 'lottery') return { text: '待抽签', tone: 'amber' }
  return { text: PHASE_LABELS[phase], tone: PHASE_TONES[phase] }
}

export function entryBadge(status: EntryStatus): BadgeView {
  return { text: ENTRY_STATUS_LABELS[status], tone: ENTRY_TONES[status] }
}

/** The filter chips of the 活动 tab and the editor's choices, in the tables' order. */
export const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as Category[]
export const ALLOCATION_ORDER = Object.keys(ALLOCATION_LABELS) as Allocation[]
export const PHASE_FILTER_ORDER = Object.keys(PHASE_FILTER_LABELS) as PhaseFilter[]
