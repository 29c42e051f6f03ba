import { z } from 'zod'
import { cursor, pageLimit, type Page } from './common'
import { MEMBER, read, write } from './spec'

/**
 * 消息 as its member sees it: every event of their entries, kept in the app whether or not a
 * subscription message could be sent. 中签 `draw.won` · 候补 `draw.waitlisted` · 未中签
 * `draw.lost` · 递补名额 `offer` · 名额释放 `ticket.released` · 活动提醒 `reminder` ·
 * 爽约 `noShow` · 报名取消 `entry.cancelled` · 报名成功 `entry.received` · 预约成功 `booking.made` ·
 * 预约取消 `booking.cancelled` (by staff, or a closed day) · 预约提醒 `booking.reminder` ·
 * 预约爽约 `booking.noShow` · 恢复预约与报名 `ban.lifted`.
 */
export const MESSAGE_KINDS = [
  'draw.won',
  'draw.waitlisted',
  'draw.lost',
  'offer',
  'ticket.released',
  'reminder',
  'noShow',
  'entry.cancelled',
  'entry.received',
  'booking.made',
  'booking.cancelled',
  'booking.reminder',
  'booking.noShow',
  'ban.lifted',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface MyMessage {
  id: string
  kind: MessageKind
  title: string
  body: string
  /** The page it opens, e.g. `/activity/entry/index?id=…`. */
  link: string
  /** ISO instant it was posted. */
  createdAt: string
  /** ISO instant it was read, or null while 未读. */
  readAt: string | null
}

/** A page of messages, newest first, with how many of all the member's are unread. */
export interface MessagePage extends Page<MyMessage> {
  unread: number
}

export interface MessageUnread {
  unread: number
}

const messageIds = z
  .array(z.string({ error: '消息编号无效' }).regex(/^m[0-9a-f]{24}$/, '消息编号无效'), {
    error: '消息编号无效',
  })
  .min(1, '请选择要标记的消息')
  .max(100, '一次最多标记100条消息')
  .describe('要标为已读的消息；不填则全部已读 · Messages to mark read; none means all')
  .optional()

export const messageActions = {
  'message.list': read<MessagePage>()(
    {
      summary: '我的消息（新的在前）及未读数 · My messages, newest first, with the unread count',
      returns: 'MessagePage',
    },
    MEMBER,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'message.read': write<MessageUnread>()(
    {
      summary: '标为已读（不指定则全部已读）· Mark messages read, or all of them',
      returns: 'MessageUnread',
    },
    MEMBER,
    { ids: messageIds },
  ),
} as const
