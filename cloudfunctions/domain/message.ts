import { createHash } from 'node:crypto'
import type { MessageKind } from '../contract/message'
import { chineseDate, chineseDateWithWeekday, dayOf, local } from './time'

/**
 * 消息: what the in-app list keeps of every event a member should know about, so nothing depends
 * on a subscription consent. One event gives one message: the `_id` comes from the event's key,
 * so posting it again (a retry, a job run twice) is refused by the database itself.
 */
export interface MessageRecord {
  _id: string
  memberId: string
  kind: MessageKind
  title: string
  body: string
  /** The mini-program page it opens, with the id of what it is about. */
  link: string
  eventKey: string
  /** The facts a subscription message is filled from, kept for a consent that comes later. */
  fields: MessageFields
  createdAt: Date
  readAt: Date | null
}

/**
 * The plain facts a subscription message's fields are filled from: the template table
 * (cloudfunctions/config/templates.json) maps each template field to one of these.
 */
export interface MessageFields {
  /** What it is about: the activity's title, or the venue and table. */
  subject: string
  /** When it happens: the session's or the slot's start. */
  time: Date
  /** The status in a word or two (a phrase field takes 5 characters). */
  status: string
  /** Where. */
  place: string
  /** One short line: what to do next, or why. */
  note: string
}

/** A message as a builder makes it, before it is addressed and posted. */
export interface MessageDraft {
  kind: MessageKind
  title: string
  body: string
  link: string
  fields: MessageFields
  /** Names the event once: the same event always gives the same key, another event another. */
  eventKey: string
}

/** What `postMessages` takes: a draft and the member it is for. */
export type MessagePost = MessageDraft & { memberId: string }

/** Opaque and deterministic, like entry ids: one event key, one message id. */
export function messageIdFor(eventKey: string): string {
  return `m${createHash('sha256').update(eventKey).digest('hex').slice(0, 24)}`
}

export const MESSAGE_ID = /^m[0-9a-f]{24}$/

/** The record a post stores. */
export function messageFrom(post: MessagePost, now: Date): MessageRecord {
  return {
    _id: messageIdFor(post.eventKey),
    memberId: post.memberId,
    kind: post.kind,
    title: post.title,
    body: post.body,
    link: post.link,
    eventKey: post.eventKey,
    fields: post.fields,
    createdAt: now,
    readAt: null,
  }
}

/** The activity's page (src/utils/routes `activityDetailUrl`). */
export function activityLink(activityId: string): string {
  return `/activity/detail/index?id=${encodeURIComponent(activityId)}`
}

/**
 * The entry's status page (its ticket too): the live status and the next action for its
 * member, the public card for anyone the message is forwarded to (`entry.get`).
 */
export function entryLink(entryId: string): string {
  return `/activity/entry/index?id=${encodeURIComponent(entryId)}`
}

/** The booking's status page, by its ref (`booking.get`), which stays its own once rebooked. */
export function bookingLink(ref: string): string {
  return `/venue/booking/index?id=${encodeURIComponent(ref)}`
}

/** "6月16日（周一）19:30", Beijing time whatever zone the function runs in. */
export function whenText(at: Date): string {
  return `${chineseDateWithWeekday(dayOf(at))}${local(at).format('HH:mm')}`
}

/** "6月15日 12:00": deadlines, where the weekday adds nothing. */
export function byText(at: Date): string {
  return `${chineseDate(dayOf(at))} ${local(at).format('HH:mm')}`
}

/** What every entry event is about: the entry, its activity and its session. */
export interface EntryFacts {
  entryId: string
  activityId: string
  activityTitle: string
  sessionStartAt: Date
  /** The place's name, for the subscription message; the in-app text names it where it helps. */
  placeName?: string
}

/** `title` is the status in a word (it fills a phrase field); `note` one short line. */
function draft(
  kind: MessageKind,
  facts: EntryFacts,
  title: string,
  body: string,
  { key = '', note }: { key?: string; note: string },
) {
  return {
    kind,
    title: `${title}：${facts.activityTitle}`,
    body,
    link: entryLink(facts.entryId),
    fields: {
      subject: facts.activityTitle,
      time: facts.sessionStartAt,
      status: title,
      place: facts.placeName ?? '',
      note,
    },
    eventKey: `${kind}:${facts.entryId}${key ? `:${key}` : ''}`,
  } satisfies MessageDraft
}

const session = (facts: EntryFacts) => `场次：${whenText(facts.sessionStartAt)}。`

/** 已中签: confirm by the deadline or the seats pass down the waitlist. */
export function drawWonMessage(
  facts: EntryFacts & { partySize: number; confirmBy: Date | null },
): MessageDraft {
  const party = facts.partySize > 1 ? `（共${facts.partySize}人）` : ''
  const confirm = facts.confirmBy
    ? `请在${byText(facts.confirmBy)}前确认参加，逾期名额将递补给候补会员。`
    : '请按时到场，入场时出示电子票。'
  const note = facts.confirmBy ? `请在${byText(facts.confirmBy)}前确认` : '请按时到场'
  return draft('draw.won', facts, '已中签', `恭喜您中签${party}！${session(facts)}${confirm}`, {
    note,
  })
}

/** 未中签, but on the waitlist: where, and what happens when a seat frees up. */
export function drawWaitlistedMessage(facts: EntryFacts & { position: number }): MessageDraft {
  return draft(
    'draw.waitlisted',
    facts,
    '候补中',
    `本次未中签，您在候补第${facts.position}位。${session(facts)}` +
      '有名额空出时将按候补顺序递补，届时会通知您在期限内确认。',
    { note: `候补第${facts.position}位` },
  )
}

/** 未中签 and not on the waitlist. */
export function drawLostMessage(facts: EntryFacts): MessageDraft {
  return draft(
    'draw.lost',
    facts,
    '未中签',
    `很遗憾，本次抽签未中签。${session(facts)}感谢参与，欢迎关注其他活动。`,
    { note: '感谢参与，欢迎关注其他活动' },
  )
}

/**
 * 递补名额 with its own deadline. The key holds the deadline (as stored with the offer), so a
 * later offer to the same entry is a new message and the same offer never two.
 */
export function offerMessage(
  facts: EntryFacts & { deadline: Date; partySize: number },
): MessageDraft {
  const party = facts.partySize > 1 ? `（共${facts.partySize}人）` : ''
  return draft(
    'offer',
    facts,
    '递补名额',
    `有名额空出，您获得了递补名额${party}。${session(facts)}` +
      `请在${byText(facts.deadline)}前确认参加，逾期将递补给下一位候补会员。`,
    { key: String(facts.deadline.getTime()), note: `请在${byText(facts.deadline)}前确认` },
  )
}

/** The won ticket or offer went back: not confirmed in time, or given back by the member. */
export function ticketReleasedMessage(
  facts: EntryFacts & { reason: 'expired' | 'returned' },
): MessageDraft {
  const why =
    facts.reason === 'expired'
      ? '您未在期限内确认参加，名额已释放给候补会员。'
      : '您已退还名额，名额将递补给候补会员。'
  const note = facts.reason === 'expired' ? '未在期限内确认' : '您已退还名额'
  return draft('ticket.released', facts, '名额已释放', `${why}${session(facts)}`, { note })
}

/** The day before: when, where, and until when it can still be cancelled. */
export function reminderMessage(
  facts: EntryFacts & { placeName: string; placeAddress: string; cancelUntil: Date | null },
): MessageDraft {
  const cancel = facts.cancelUntil ? `如不能参加，请在${byText(facts.cancelUntil)}前取消。` : ''
  return draft(
    'reminder',
    facts,
    '明天参加',
    `您报名的活动将于${whenText(facts.sessionStartAt)}开始。` +
      `地点：${facts.placeName}（${facts.placeAddress}）。请准时到场，入场时出示电子票。${cancel}`,
    // A session moved by staff is a new reminder.
    { key: String(facts.sessionStartAt.getTime()), note: '请准时到场，出示电子票' },
  )
}

/** 爽约 recorded; with the ban's end when policy turned it into one. */
export function noShowMessage(facts: EntryFacts & { bannedUntil: Date | null }): MessageDraft {
  const ban = facts.bannedUntil
    ? `因爽约，暂停报名至${byText(facts.bannedUntil)}。`
    : '多次爽约将暂停报名，如不能参加请提前取消。'
  return draft(
    'noShow',
    facts,
    '爽约记录',
    `您未在${whenText(facts.sessionStartAt)}的场次签到，已记爽约一次。${ban}`,
    { note: facts.bannedUntil ? `暂停报名至${byText(facts.bannedUntil)}` : '已记爽约一次' },
  )
}

/**
 * Cancelled by staff (a phone call) or with its activity. An entry's id is reused when its
 * member signs up again, so the key holds the version the cancellation left it at.
 */
export function entryCancelledMessage(
  facts: EntryFacts & { by: 'staff' | 'activity'; reason: string; version: number },
): MessageDraft {
  const who = facts.by === 'activity' ? '活动已取消，您的报名随之取消' : '工作人员已为您取消报名'
  const said = facts.reason.trim().replace(/[。.！!]+$/, '')
  const reason = said ? `原因：${said}。` : ''
  return draft('entry.cancelled', facts, '报名已取消', `${who}。${session(facts)}${reason}`, {
    key: String(facts.version),
    note: said || who,
  })
}

/**
 * 报名成功 (a first-come seat, the ticket is ready) or 已报名 (a lottery entry, waiting for the
 * draw), made by the member or for them by staff (a phone signup). An entry's id is reused when
 * its member signs up again after cancelling, so the key holds when this signup made it (an
 * edit keeps that, so a retried signup request never tells twice).
 */
export function entryReceivedMessage(
  facts: EntryFacts & { lottery: boolean; drawAt: Date | null; byStaff: boolean; madeAt: Date },
): MessageDraft {
  const who = facts.byStaff ? '工作人员已为您报名' : '您已报名'
  const next = facts.lottery
    ? `将于${facts.drawAt ? byText(facts.drawAt) : '报名截止后'}抽签，结果会通知您。`
    : '名额已为您保留，入场时出示电子票。'
  return draft(
    'entry.received',
    facts,
    facts.lottery ? '待抽签' : '报名成功',
    `${who}。${session(facts)}${next}`,
    {
      key: String(facts.madeAt.getTime()),
      note: facts.lottery ? '抽签结果将另行通知' : '入场时出示电子票',
    },
  )
}
