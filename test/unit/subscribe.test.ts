import { SUBSCRIBE_TOPICS } from '../../cloudfunctions/contract/consent'
import { MESSAGE_KINDS } from '../../cloudfunctions/contract/message'
import fileTable from '../../cloudfunctions/config/templates.json'
import { spendFor, withGrant, emptyConsent } from '../../cloudfunctions/domain/consent'
import { drawWonMessage } from '../../cloudfunctions/domain/message'
import {
  cutField,
  FIELD_LIMITS,
  fieldTypeOf,
  fieldValue,
  parseTemplateTable,
  subscribeRequestFor,
  topicOf,
} from '../../cloudfunctions/domain/subscribe'
import { nextTryAt, MAX_SEND_ATTEMPTS } from '../../cloudfunctions/domain/subscribe-send'
import { atLocal } from '../../cloudfunctions/domain/time'

const table = parseTemplateTable(fileTable)

describe('field limits', () => {
  it('cut each type to its WeChat limit, by characters, a thing with an ellipsis', () => {
    const long = '杂技儿童剧《森林奇境》亲子专场（家长与儿童同行）第二场'
    expect(Array.from(cutField('thing', long))).toHaveLength(20)
    expect(cutField('thing', long).endsWith('…')).toBe(true)
    expect(cutField('thing', '短标题')).toBe('短标题')
    expect(cutField('phrase', '递补待确认了')).toBe('递补待确认')
    expect(cutField('name', '欧阳一二三四五六七八九')).toBe('欧阳一二三四五六七八')
    expect(cutField('character_string', 'x'.repeat(40))).toHaveLength(32)
    expect(cutField('number', '1'.repeat(40))).toHaveLength(32)
    // An emoji is one character, never split in half.
    expect(Array.from(cutField('thing', '🏓'.repeat(30)))).toHaveLength(20)
  })

  it('never send an empty value (WeChat refuses it)', () => {
    expect(cutField('thing', '  ')).toBe('-')
  })

  it('every limit is the documented one', () => {
    expect(FIELD_LIMITS.thing.max).toBe(20)
    expect(FIELD_LIMITS.name.max).toBe(10)
    expect(FIELD_LIMITS.phrase.max).toBe(5)
    expect(FIELD_LIMITS.character_string.max).toBe(32)
    expect(FIELD_LIMITS.number.max).toBe(32)
  })

  it('format times and dates in Beijing, whatever zone the function runs in', () => {
    const at = atLocal('2025-06-16', '19:30')
    expect(fieldValue('time', at)).toBe('2025年6月16日 19:30')
    expect(fieldValue('date', atLocal('2025-06-17', '00:10'))).toBe('2025年6月17日')
  })

  it('read the type from the field key', () => {
    expect(fieldTypeOf('thing1')).toBe('thing')
    expect(fieldTypeOf('character_string12')).toBe('character_string')
    expect(fieldTypeOf('thing')).toBeNull()
    expect(fieldTypeOf('unknown3')).toBeNull()
  })
})

describe('topic mapping', () => {
  it('maps every message kind to a topic, and every topic to a template with known fields', () => {
    for (const kind of MESSAGE_KINDS) expect(SUBSCRIBE_TOPICS).toContain(topicOf(kind, table))
    for (const topic of SUBSCRIBE_TOPICS) {
      const template = table.topics[topic]
      expect(template?.templateId).toBeTruthy()
      for (const key of Object.keys(template?.fields ?? {})) expect(fieldTypeOf(key)).not.toBeNull()
    }
    expect(topicOf('draw.won', table)).toBe('drawResult')
    expect(topicOf('booking.made', table)).toBe('bookingResult')
    expect(topicOf('booking.reminder', table)).toBe('bookingReminder')
    expect(topicOf('ban.lifted', table)).toBe('noShow')
  })

  it('refuses a table with an unknown field type or a kind without a topic', () => {
    const bad = { ...fileTable, topics: { offer: { templateId: 't', fields: { foo1: 'time' } } } }
    expect(() => parseTemplateTable(bad)).toThrow()
    const kinds: Record<string, string> = { ...fileTable.kinds }
    delete kinds.offer
    expect(() => parseTemplateTable({ ...fileTable, kinds })).toThrow()
  })

  it('builds the send: the template, the page without its slash, fields cut', () => {
    const message = drawWonMessage({
      entryId: 'e0123456789abcdef01234567',
      activityId: 'a1',
      activityTitle: '杂技儿童剧《森林奇境》亲子专场（家长与儿童同行）',
      sessionStartAt: atLocal('2025-06-17', '19:00'),
      partySize: 2,
      confirmBy: atLocal('2025-06-15', '18:00'),
    })
    const built = subscribeRequestFor(message, 'openid-1', table)
    expect(built?.topic).toBe('drawResult')
    expect(built?.request).toMatchObject({
      touser: 'openid-1',
      template_id: table.topics.drawResult?.templateId,
      page: 'activity/entry/index?id=e0123456789abcdef01234567',
      miniprogram_state: 'formal',
    })
    const data = built?.request.data ?? {}
    expect(Array.from(data.thing1.value)).toHaveLength(20)
    expect(data.time2.value).toBe('2025年6月17日 19:00')
    expect(data.phrase3.value).toBe('已中签')
    expect(data.thing4.value).toBe('请在6月15日 18:00前确认')
  })

  it('sends nothing for a topic without a template id', () => {
    const none = parseTemplateTable({ ...fileTable, topics: {} })
    const message = drawWonMessage({
      entryId: 'e1',
      activityId: 'a1',
      activityTitle: 't',
      sessionStartAt: new Date(),
      partySize: 1,
      confirmBy: null,
    })
    expect(subscribeRequestFor(message, 'o', none)).toBeNull()
  })
})

describe('consents', () => {
  const now = new Date('2025-06-14T02:00:00Z')
  it('a granted topic adds one; a request recorded twice adds nothing more', () => {
    const once = withGrant(
      emptyConsent('m1', now),
      { granted: ['offer', 'offer'], refused: ['reminder'] },
      'r1',
      now,
    )
    expect(once?.counts).toEqual({ offer: 1 })
    expect(once && withGrant(once, { granted: ['offer'], refused: [] }, 'r1', now)).toBeNull()
  })

  it('a message spends one, once, never below zero', () => {
    const record = withGrant(
      emptyConsent('m1', now),
      { granted: ['offer'], refused: [] },
      'r1',
      now,
    )
    const first = spendFor(record, 'offer', 'mA', now)
    expect(first.spent).toBe(true)
    const after = first.spent ? first.record : null
    expect(after?.counts.offer).toBe(0)
    // The same message again (a run again) is spent already; another finds none left.
    expect(spendFor(after, 'offer', 'mA', now)).toEqual({ spent: true, record: null })
    expect(spendFor(after, 'offer', 'mB', now)).toEqual({ spent: false })
  })
})

describe('retries', () => {
  const now = new Date('2025-06-14T02:00:00Z')
  it('back off, stop after the bound, and never retry what WeChat refused for good', () => {
    expect(nextTryAt(1, null, now)?.getTime()).toBe(now.getTime() + 60_000)
    expect(nextTryAt(2, -1, now)?.getTime()).toBe(now.getTime() + 120_000)
    expect(nextTryAt(MAX_SEND_ATTEMPTS, null, now)).toBeNull()
    expect(nextTryAt(1, 43101, now)).toBeNull()
  })
})
