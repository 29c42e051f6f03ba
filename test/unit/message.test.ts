import {
  activityLink,
  bookingLink,
  entryLink,
  drawLostMessage,
  drawWaitlistedMessage,
  drawWonMessage,
  entryCancelledMessage,
  messageFrom,
  messageIdFor,
  MESSAGE_ID,
  noShowMessage,
  offerMessage,
  reminderMessage,
  ticketReleasedMessage,
  type MessageDraft,
} from '../../cloudfunctions/domain/message'
import { atLocal } from '../../cloudfunctions/domain/time'

/** The suite runs with TZ=UTC, as functions do: every time in the text must still be Beijing's. */
const facts = {
  entryId: 'e0123456789abcdef01234567',
  activityId: 'a_show',
  activityTitle: '杂技剧《山水相依》',
  // Monday 16 June 2025, 19:30 in Beijing = 11:30 UTC.
  sessionStartAt: atLocal('2025-06-16', '19:30'),
}
/** Every entry event opens the entry's status page (its ticket too). */
const LINK = '/activity/entry/index?id=e0123456789abcdef01234567'

function expectWellFormed(message: MessageDraft, kind: string) {
  expect(message.kind).toBe(kind)
  expect(message.link).toBe(LINK)
  expect(message.title).toContain('杂技剧《山水相依》')
  expect(message.eventKey.startsWith(`${kind}:${facts.entryId}`)).toBe(true)
}

describe('message ids', () => {
  it('are deterministic, opaque and distinct per event', () => {
    const id = messageIdFor('draw.won:e1')
    expect(id).toMatch(MESSAGE_ID)
    expect(messageIdFor('draw.won:e1')).toBe(id)
    expect(messageIdFor('draw.won:e2')).not.toBe(id)
    expect(id).not.toContain('e1')
  })

  it('make the stored record from a post, unread', () => {
    const now = new Date('2025-06-14T02:00:00Z')
    const record = messageFrom({ memberId: 'm_1', ...drawLostMessage(facts) }, now)
    expect(record).toMatchObject({ memberId: 'm_1', kind: 'draw.lost', createdAt: now })
    expect(record.readAt).toBeNull()
    expect(record._id).toBe(messageIdFor(record.eventKey))
  })

  it('link to the pages as the app routes them, with the id', () => {
    expect(activityLink('a b')).toBe('/activity/detail/index?id=a%20b')
    expect(entryLink('e1')).toBe('/activity/entry/index?id=e1')
    expect(bookingLink('t1_20250616_1400~c1')).toBe('/venue/booking/index?id=t1_20250616_1400~c1')
  })
})

describe('message builders', () => {
  it('中签: the session and the confirmation deadline in Beijing time', () => {
    const m = drawWonMessage({
      ...facts,
      partySize: 2,
      confirmBy: atLocal('2025-06-15', '18:00'),
    })
    expectWellFormed(m, 'draw.won')
    expect(m.title).toBe('已中签：杂技剧《山水相依》')
    expect(m.body).toContain('（共2人）')
    expect(m.body).toContain('场次：6月16日（周一）19:30')
    expect(m.body).toContain('请在6月15日 18:00前确认参加')
    const solo = drawWonMessage({ ...facts, partySize: 1, confirmBy: null })
    expect(solo.body).not.toContain('共')
    expect(solo.body).toContain('出示电子票')
    expect(solo.eventKey).toBe(m.eventKey)
  })

  it('候补: the position on the waitlist', () => {
    const m = drawWaitlistedMessage({ ...facts, position: 3 })
    expectWellFormed(m, 'draw.waitlisted')
    expect(m.body).toContain('候补第3位')
  })

  it('未中签', () => {
    const m = drawLostMessage(facts)
    expectWellFormed(m, 'draw.lost')
    expect(m.title).toBe('未中签：杂技剧《山水相依》')
  })

  it('递补名额: its own deadline; another offer is another message', () => {
    const deadline = atLocal('2025-06-15', '08:00')
    const m = offerMessage({ ...facts, deadline, partySize: 1 })
    expectWellFormed(m, 'offer')
    expect(m.body).toContain('请在6月15日 08:00前确认参加')
    const later = offerMessage({ ...facts, deadline: atLocal('2025-06-16', '08:00'), partySize: 1 })
    expect(later.eventKey).not.toBe(m.eventKey)
    expect(offerMessage({ ...facts, deadline, partySize: 1 }).eventKey).toBe(m.eventKey)
  })

  it('名额释放: says why', () => {
    const expired = ticketReleasedMessage({ ...facts, reason: 'expired' })
    expectWellFormed(expired, 'ticket.released')
    expect(expired.body).toContain('未在期限内确认')
    expect(ticketReleasedMessage({ ...facts, reason: 'returned' }).body).toContain('已退还')
  })

  it('提醒: the day before, with the place and the cancel cut-off', () => {
    const m = reminderMessage({
      ...facts,
      placeName: '杭州运河大剧院',
      placeAddress: '杭州市拱墅区',
      cancelUntil: atLocal('2025-06-15', '19:30'),
    })
    expectWellFormed(m, 'reminder')
    expect(m.body).toContain('6月16日（周一）19:30开始')
    expect(m.body).toContain('杭州运河大剧院（杭州市拱墅区）')
    expect(m.body).toContain('请在6月15日 19:30前取消')
    // A session staff moved gets its own reminder.
    const moved = reminderMessage({
      ...facts,
      sessionStartAt: atLocal('2025-06-17', '19:30'),
      placeName: '杭州运河大剧院',
      placeAddress: '杭州市拱墅区',
      cancelUntil: null,
    })
    expect(moved.eventKey).not.toBe(m.eventKey)
    expect(moved.body).not.toContain('取消')
  })

  it('爽约: with the ban end when there is one', () => {
    const banned = noShowMessage({ ...facts, bannedUntil: atLocal('2025-07-16', '19:30') })
    expectWellFormed(banned, 'noShow')
    expect(banned.body).toContain('6月16日（周一）19:30的场次')
    expect(banned.body).toContain('暂停报名至7月16日 19:30')
    expect(noShowMessage({ ...facts, bannedUntil: null }).body).not.toContain('暂停报名至')
  })

  it('报名取消: by staff or with the activity, with the reason; a later cancel is new', () => {
    const m = entryCancelledMessage({ ...facts, by: 'staff', reason: '会员来电取消。', version: 3 })
    expectWellFormed(m, 'entry.cancelled')
    expect(m.body).toContain('工作人员已为您取消报名')
    expect(m.body).toContain('原因：会员来电取消。')
    expect(m.body).not.toContain('。。')
    const withActivity = entryCancelledMessage({
      ...facts,
      by: 'activity',
      reason: '',
      version: 5,
    })
    expect(withActivity.body).toContain('活动已取消')
    expect(withActivity.body).not.toContain('原因')
    expect(withActivity.eventKey).not.toBe(m.eventKey)
  })

  it('keeps Beijing dates across midnight UTC', () => {
    // 01:00 Beijing on 17 June is still 16 June in UTC.
    const m = drawLostMessage({ ...facts, sessionStartAt: atLocal('2025-06-17', '01:00') })
    expect(m.body).toContain('6月17日（周二）01:00')
  })
})
