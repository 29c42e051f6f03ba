import { z } from 'zod'
import { ADMIN, write } from './spec'

/** 检票 at the door: what the checker's screen shows, large enough to read at arm's length. */
export interface CheckIn {
  activityTitle: string
  /** ISO instant of the session's start. */
  sessionStartAt: string
  /** 张*三 */
  maskedName: string
  partySize: number
  /** ISO instant it was checked in. */
  checkedInAt: string
}

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
} as const
