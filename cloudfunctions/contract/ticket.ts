import { z } from 'zod'
import { activityId, sessionId } from './activity'
import { ADMIN, STAFF, read, write } from './spec'

/** 检票 at the door: what the checker's screen shows, large enough to read at arm's length. */
export interface CheckIn {
  /** The ticket's activity and session, so the door can open that session's roster. */
  activityId: string
  sessionId: string
  activityTitle: string
  /** ISO instant of the session's start. */
  sessionStartAt: string
  /** 张*三 */
  maskedName: string
  partySize: number
  /** ISO instant it was checked in. */
  checkedInAt: string
}

/** A ticket on the door's roster, in words: 未检票 · 已检票 · 爽约. */
export type RosterStatus = 'waiting' | 'checkedIn' | 'noShow'

export interface RosterTicket {
  /** The entry number (the ticket's code carries it); never a member id or openid. */
  entryId: string
  /** 张*三 */
  maskedName: string
  /** The member plus companions. */
  partySize: number
  companions: number
  status: RosterStatus
  /** 未检票 / 已检票 / 爽约 */
  statusText: string
  /** ISO instant it was checked in, if it was. */
  checkedInAt: string | null
}

/** One session's tickets for the door, sorted by masked name. */
export interface Roster {
  activityId: string
  activityTitle: string
  placeName: string
  sessionId: string
  /** ISO instants. */
  sessionStartAt: string
  sessionEndAt: string
  seats: number
  tickets: RosterTicket[]
  counts: {
    tickets: number
    people: number
    /** Tickets checked in, and the people they brought. */
    checkedIn: number
    checkedInPeople: number
    noShow: number
  }
}

/** 导出 Excel: the workbook kept in cloud storage, and a temporary link to download it. */
export interface RosterExport {
  /** cloud:// id of the stored file. */
  fileId: string
  /** Temporary download URL (about a day). */
  url: string
  /** A name to save it under, e.g. 名单_茶会_6月14日1415.xlsx. */
  fileName: string
  tickets: number
}

const sessionRef = { activityId, sessionId }

export const ticketCode = z
  .string({ error: '请扫描或输入票码' })
  .trim()
  .min(1, '请扫描或输入票码')
  .max(120, '票码无效')
  .describe('电子票码（二维码内容）· The ticket code, as its QR carries it')

export const ticketActions = {
  'ticket.checkIn': write<CheckIn>()(
    {
      summary: '检票：扫码或输入票码，每张票只能用一次 · Check a ticket in, exactly once',
      returns: 'CheckIn',
    },
    ['checker', 'staff', ...ADMIN],
    { code: ticketCode },
  ),
  'ticket.roster': read<Roster>()(
    {
      summary: '场次检票名单（姓名已隐去）· A session’s tickets for the door, names masked',
      returns: 'Roster',
    },
    ['checker', 'staff', ...ADMIN],
    z.strictObject(sessionRef),
  ),
  'ticket.exportRoster': write<RosterExport>()(
    {
      summary: '导出场次名单为 Excel（云存储临时链接）· Export a session’s roster as XLSX',
      returns: 'RosterExport',
    },
    STAFF,
    sessionRef,
  ),
} as const
