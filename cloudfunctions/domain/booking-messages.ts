import { bookingRefOf, type BookingRecord } from './booking'
import { bookingLink, byText, whenText, type MessageDraft } from './message'
import { addDays, atLocal, local } from './time'

/**
 * 消息 of venue bookings and of the credit record (domain/message.ts has the entries'). Plain
 * facts in; Chinese text with Beijing times, the booking's status page and the event key out.
 */

/** One booking, or the first of the consecutive slots one request booked. */
export interface BookingFacts {
  /** The booking's ref (`<id>~<claim>`): its page and its events' keys. */
  ref: string
  venueName: string
  resourceName: string
  startAt: Date
  endAt: Date
}

/** The facts of a stored booking, with its venue's and table's names. */
export function bookingFacts(
  booking: Pick<BookingRecord, '_id' | 'claim' | 'resourceId' | 'startAt' | 'endAt'>,
  venue: { name: string; resources: ReadonlyArray<{ _id: string; name: string }> },
): BookingFacts {
  const resource = venue.resources.find((r) => r._id === booking.resourceId)
  return {
    ref: bookingRefOf(booking),
    venueName: venue.name,
    resourceName: resource?.name ?? '',
    startAt: new Date(booking.startAt),
    endAt: new Date(booking.endAt),
  }
}

const slotText = (f: BookingFacts) =>
  `${whenText(f.startAt)}–${local(f.endAt).format('HH:mm')}，${f.venueName}${f.resourceName}`

function draft(
  kind: MessageDraft['kind'],
  facts: BookingFacts,
  status: string,
  body: string,
  { key, note }: { key: string; note: string },
): MessageDraft {
  return {
    kind,
    title: `${status}：${facts.venueName}${facts.resourceName}`,
    body,
    link: bookingLink(facts.ref),
    fields: {
      subject: `${facts.venueName}${facts.resourceName}`,
      time: facts.startAt,
      status,
      place: facts.venueName,
      note,
    },
    eventKey: `${kind}:${key}`,
  }
}

/**
 * 预约成功, by the member or by staff for them. One message per request: its slots are
 * consecutive, so the first slot's start and the last one's end say it all. Keyed by the
 * request's group, which a retry of the request makes again the same.
 */
export function bookingMadeMessage(
  facts: BookingFacts & { group: string; slots: number; byStaff: boolean; cancelUntil: Date },
): MessageDraft {
  const who = facts.byStaff ? '工作人员已为您预约' : '预约成功'
  const many = facts.slots > 1 ? `（共${facts.slots}个时段）` : ''
  return draft(
    'booking.made',
    facts,
    '预约成功',
    `${who}：${slotText(facts)}${many}。请按时到场签到；如不能前来，请在` +
      `${byText(facts.cancelUntil)}前取消。`,
    { key: facts.group, note: `${byText(facts.cancelUntil)}前可取消` },
  )
}

/** Cancelled by staff (a phone call) or by a closed day; the member cancelling is not told. */
export function bookingCancelledMessage(
  facts: BookingFacts & { by: 'staff' | 'closure'; reason: string },
): MessageDraft {
  const who = facts.by === 'closure' ? '场馆调整开放安排，您的预约已取消' : '工作人员已为您取消预约'
  const said = facts.reason.trim().replace(/[。.！!]+$/, '')
  return draft(
    'booking.cancelled',
    facts,
    '预约已取消',
    `${who}：${slotText(facts)}。${said ? `原因：${said}。` : ''}`,
    { key: facts.ref, note: said || who },
  )
}

/** The day before. */
export function bookingReminderMessage(
  facts: BookingFacts & { address: string; cancelUntil: Date },
): MessageDraft {
  return draft(
    'booking.reminder',
    facts,
    '明天预约',
    `您预约的场地：${slotText(facts)}。地址：${facts.address}。请按时到场，在前台出示预约码签到；` +
      `如不能前来，请在${byText(facts.cancelUntil)}前取消。`,
    { key: facts.ref, note: '请按时到场，出示预约码' },
  )
}

/** 爽约 recorded for a booking not checked in; with the ban's end when the rule brought one. */
export function bookingNoShowMessage(
  facts: BookingFacts & { bannedUntil: Date | null },
): MessageDraft {
  const ban = facts.bannedUntil
    ? `因爽约，暂停预约和报名至${byText(facts.bannedUntil)}。`
    : '多次爽约将暂停预约，如不能前来请提前取消。'
  return draft(
    'booking.noShow',
    facts,
    '爽约记录',
    `您未在签到时间内签到（${slotText(facts)}），已记爽约一次。${ban}如有异议，可在预约详情中申诉。`,
    {
      key: facts.ref,
      note: facts.bannedUntil ? `暂停预约至${byText(facts.bannedUntil)}` : '如有异议可申诉',
    },
  )
}

/**
 * The ban is over: it ran out, or an appeal cleared the no-show behind it. Keyed by the ban's
 * end as it stood, so one ban is told once and a later ban is a new message. The member's own
 * bookings page is where they act next.
 */
export function banLiftedMessage(facts: {
  memberId: string
  bannedUntil: Date
  via: 'expired' | 'appeal'
  at: Date
}): MessageDraft {
  const why = facts.via === 'appeal' ? '您的申诉已通过，爽约记录已撤销' : '暂停期已结束'
  return {
    kind: 'ban.lifted',
    title: '已恢复预约与报名',
    body: `${why}，您可以重新预约场地和报名活动了。请按时参加，如不能前来请提前取消。`,
    link: '/venue/bookings/index',
    fields: {
      subject: '预约与报名资格',
      time: facts.at,
      status: '已恢复',
      place: '',
      note: why,
    },
    eventKey: `ban.lifted:${facts.memberId}:${facts.bannedUntil.getTime()}`,
  }
}

/** The day before a booking, from this Beijing hour on, its reminder is due. */
export const BOOKING_REMINDER_AT = '18:00'

/**
 * Whether a booking's reminder is due: from 18:00 the day before until it starts, and only
 * for a booking made before then (one made in the evening for tomorrow, or today, needs none).
 */
export function bookingReminderDue(
  booking: { date: string; startAt: Date; createdAt: Date },
  now: Date,
): boolean {
  const dueAt = atLocal(addDays(booking.date, -1), BOOKING_REMINDER_AT)
  return now >= dueAt && now < new Date(booking.startAt) && new Date(booking.createdAt) < dueAt
}
