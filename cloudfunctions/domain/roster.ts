import type { EntryStatus } from '../contract/entry'
import type { Roster, RosterStatus, RosterTicket } from '../contract/ticket'
import type { ActivityRecord, SessionRecord } from './activity'
import type { EntryRecord } from './entry'
import { idFromRequest } from './ids'
import { maskName } from './mask'
import { local } from './time'
import type { Cell, Sheet } from './xlsx'

/**
 * 检票名单: the tickets of one session as the door sees them. Masked names only (张*三): the
 * roster is read on a checker's phone and an exported file travels, so neither carries a full
 * name, a phone number or a member id.
 */

/** Entries that may hold a ticket; a won entry holds one only once its member confirmed. */
export const TICKET_STATUSES: readonly EntryStatus[] = ['confirmed', 'won', 'checkedIn', 'noShow']

export function holdsTicket(entry: EntryRecord): boolean {
  if (entry.status === 'won') return Boolean(entry.confirmedAt)
  return TICKET_STATUSES.includes(entry.status)
}

const STATUS_TEXT: Record<RosterStatus, string> = {
  waiting: '未检票',
  checkedIn: '已检票',
  noShow: '爽约',
}

function rosterStatus(status: EntryStatus): RosterStatus {
  if (status === 'checkedIn') return 'checkedIn'
  if (status === 'noShow') return 'noShow'
  return 'waiting'
}

/** Chinese order (by pinyin where the runtime knows it), then the entry number for ties. */
const collator = new Intl.Collator('zh-CN')

export function rosterOf(
  activity: ActivityRecord,
  session: SessionRecord,
  entries: readonly EntryRecord[],
  nameOf: (memberId: string) => string,
): Roster {
  const tickets: RosterTicket[] = entries
    .filter((e) => e.activityId === activity._id && e.sessionId === session.id && holdsTicket(e))
    .map((e) => {
      const status = rosterStatus(e.status)
      return {
        entryId: e._id,
        maskedName: maskName(nameOf(e.memberId)),
        partySize: e.partySize,
        companions: e.companions.length,
        status,
        statusText: STATUS_TEXT[status],
        checkedInAt:
          status === 'checkedIn' && e.checkedInAt ? new Date(e.checkedInAt).toISOString() : null,
      }
    })
    .sort(
      (a, b) =>
        collator.compare(a.maskedName, b.maskedName) ||
        (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
    )
  const checkedIn = tickets.filter((t) => t.status === 'checkedIn')
  const people = (list: RosterTicket[]) => list.reduce((sum, t) => sum + t.partySize, 0)
  return {
    activityId: activity._id,
    activityTitle: activity.title,
    placeName: activity.place.name,
    sessionId: session.id,
    sessionStartAt: session.startAt.toISOString(),
    sessionEndAt: session.endAt.toISOString(),
    seats: session.seats,
    tickets,
    counts: {
      tickets: tickets.length,
      people: people(tickets),
      checkedIn: checkedIn.length,
      checkedInPeople: people(checkedIn),
      noShow: tickets.filter((t) => t.status === 'noShow').length,
    },
  }
}

/** The roster's columns, as the exported sheet and its readers (tests, staff) expect them. */
export const ROSTER_HEADER = ['序号', '姓名', '人数', '同行人数', '状态', '检票时间', '票号']

const stamp = (iso: string) => local(new Date(iso)).format('YYYY-MM-DD HH:mm:ss')

/** The two sheets of an export: 名单 (one row per ticket) and 汇总 (the session and counts). */
export function rosterSheets(roster: Roster, exportedAt: Date): Sheet[] {
  const rows: Cell[][] = roster.tickets.map((t, i) => [
    i + 1,
    t.maskedName,
    t.partySize,
    t.companions,
    t.statusText,
    t.checkedInAt ? stamp(t.checkedInAt) : null,
    t.entryId,
  ])
  const { counts } = roster
  const summary: Cell[][] = [
    ['项目', '内容'],
    ['活动', roster.activityTitle],
    ['地点', roster.placeName],
    ['场次开始', stamp(roster.sessionStartAt)],
    ['场次结束', stamp(roster.sessionEndAt)],
    ['名额（人）', roster.seats],
    ['票数', counts.tickets],
    ['总人数', counts.people],
    ['已检票（张）', counts.checkedIn],
    ['已检票（人）', counts.checkedInPeople],
    ['爽约（张）', counts.noShow],
    ['导出时间', stamp(exportedAt.toISOString())],
    ['说明', '姓名已隐去中间字，仅供现场核对'],
  ]
  return [
    {
      name: '名单',
      rows: [ROSTER_HEADER, ...rows],
      widths: [6, 12, 6, 10, 8, 20, 28],
      header: true,
    },
    { name: '汇总', rows: summary, widths: [14, 40], header: true },
  ]
}

/**
 * Where an export is kept: one path per request, so a retried or resumed export overwrites its
 * own file instead of leaving a second one, while two exports (before and after the door
 * opened) are two files.
 */
export function rosterCloudPath(roster: Roster, request: string): string {
  return `rosters/${roster.activityId}_${roster.sessionId}_${idFromRequest('x', request).slice(2)}.xlsx`
}

/** A name to save the file under: 名单_<title>_<M月D日HHmm>.xlsx, without path characters. */
export function rosterFileName(roster: Roster): string {
  const title = roster.activityTitle.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30)
  const when = local(new Date(roster.sessionStartAt)).format('M月D日HHmm')
  return `名单_${title}_${when}.xlsx`
}
