/**
 * Issue 11 (messages and consents) through the local cloud: every event gives its in-app
 * message with the deep link of its entry or booking; with a consent recorded, a subscription
 * message reaches the local cloud's WeChat outbox (fields cut to WeChat's limits) and the
 * consent is spent; without one, nothing is sent; a send that fails is retried by the scheduler
 * while the action that caused it stands, once. `entry.get` shows others no personal data.
 */
import type { SubscribeTopic } from '../../cloudfunctions/contract'
import { bookingRefOf } from '../../cloudfunctions/domain/booking'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { createVenue, offsetTo, pingPongVenue } from '../helpers/venues'
import { STAFF, UNVERIFIED, rid, startApiCloud, type ApiCloud } from './api-cloud'
import { subscribeKit } from './subscribe-kit'

let api: ApiCloud
let kit: ReturnType<typeof subscribeKit>

const OWNER = {
  memberId: 'm_sub_owner',
  openid: 'sub-openid-owner',
  name: '欧阳测试甲',
  phone: '13912345678',
}
const OTHER = {
  memberId: 'm_sub_other',
  openid: 'sub-openid-other',
  name: '司马测试乙',
  phone: '13987654321',
}
/** A member of one test alone: no earlier message of theirs for a consent to catch up. */
const RETRIED = {
  memberId: 'm_sub_retried',
  openid: 'sub-openid-retried',
  name: '东方测试丁',
  phone: '13911112222',
}
/** Signed up by staff on the phone: in the registry, no WeChat account. */
const PHONE_ONLY = { memberId: 'm_sub_phone', name: '诸葛测试丙', phone: '13700000000' }

const outbox = (openid: string) => kit.outbox(openid)
const messages = (openid: string) => kit.messages(openid)
const consent = (openid: string, granted: SubscribeTopic[], refused: SubscribeTopic[] = []) =>
  kit.consent(openid, granted, refused)
const published = (over?: Parameters<typeof kit.published>[0]) => kit.published(over)
const sendOf = (messageId: string) => kit.sendOf(messageId)
const scheduler = () => kit.scheduler()
const chars = (s: string) => Array.from(s).length

beforeAll(async () => {
  api = await startApiCloud()
  kit = subscribeKit(api)
  await kit.seedMembers([OWNER, OTHER, RETRIED, PHONE_ONLY])
})
afterAll(async () => {
  await api?.stop()
})

describe('consents', () => {
  it('records granted topics once per request and shows what was subscribed', async () => {
    const requestId = rid('ask')
    const ask: { granted: SubscribeTopic[]; refused: SubscribeTopic[] } = {
      granted: ['entryResult', 'drawResult'],
      refused: ['reminder'],
    }
    api.ok(await api.write(OTHER.openid, 'consent.record', requestId, ask))
    const again = api.ok(await api.write(OTHER.openid, 'consent.record', requestId, ask))
    expect(again.counts).toMatchObject({ entryResult: 1, drawResult: 1, reminder: 0 })
    const mine = api.ok(await api.call(OTHER.openid, 'consent.mine', {}))
    expect(mine.counts.entryResult).toBe(1)
    expect(mine.lastAsk).toMatchObject({ granted: ask.granted, refused: ask.refused })
    const bad = await api.call(OTHER.openid, 'consent.record', {
      requestId: rid(),
      granted: ['nope'],
      refused: [],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('entries', () => {
  it('a signup: the in-app message opens the entry; with a consent, WeChat has it, cut, consent spent', async () => {
    await consent(OWNER.openid, ['entryResult'], ['drawResult'])
    const long = '杂技儿童剧《森林奇境》亲子专场——家长与儿童同行体验场'
    const activity = await published({ title: long })
    const entry = api.ok(
      await api.write(OWNER.openid, 'entry.submit', rid('in'), {
        activityId: activity.id,
        sessionId: activity.sessions[0].id,
        companions: [],
      }),
    )
    const told = (await messages(OWNER.openid)).find((m) => m.kind === 'entry.received')
    expect(told?.link).toBe(`/activity/entry/index?id=${entry.id}`)
    const sent = await outbox(OWNER.openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      template_id: 'local-tmpl-entry-result',
      page: `activity/entry/index?id=${entry.id}`,
      miniprogram_state: 'formal',
    })
    expect(chars(sent[0].data.thing1.value)).toBe(20)
    expect(sent[0].data.thing1.value.endsWith('…')).toBe(true)
    expect(sent[0].data.phrase3.value).toBe('报名成功')
    expect(sent[0].data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    const mine = api.ok(await api.call(OWNER.openid, 'consent.mine', {}))
    expect(mine.counts.entryResult).toBe(0)
    expect(await sendOf(String(told?.id))).toMatchObject({ status: 'sent', attempts: 1 })

    // Cancelled by staff: the message is there, but the consent is spent, so nothing is sent.
    api.ok(
      await api.write(STAFF, 'entry.cancelFor', rid('cf'), {
        memberId: OWNER.memberId,
        activityId: activity.id,
        reason: '会员来电',
      }),
    )
    const cancelled = (await messages(OWNER.openid)).find((m) => m.kind === 'entry.cancelled')
    expect(cancelled?.link).toBe(`/activity/entry/index?id=${entry.id}`)
    expect(await outbox(OWNER.openid)).toHaveLength(1)
    expect(await sendOf(String(cancelled?.id))).toBeUndefined()
  })

  it('a phone signup by staff: the in-app message only', async () => {
    const activity = await published()
    const entry = api.ok(
      await api.write(STAFF, 'entry.submitFor', rid('for'), {
        memberId: PHONE_ONLY.memberId,
        activityId: activity.id,
        sessionId: activity.sessions[0].id,
        companions: [],
      }),
    )
    const stored = (await api.documents('messages')).filter(
      (m) => m.memberId === PHONE_ONLY.memberId,
    )
    expect(stored.map((m) => m.link)).toContain(`/activity/entry/index?id=${entry.id}`)
    expect(
      (await api.documents('subscribeSends')).some((s) => s.memberId === PHONE_ONLY.memberId),
    ).toBe(false)
  })

  it('entry.get: the owner gets the whole entry; anyone else a card with nothing personal', async () => {
    const activity = await published()
    const entry = api.ok(
      await api.write(OWNER.openid, 'entry.submit', rid('in'), {
        activityId: activity.id,
        sessionId: activity.sessions[0].id,
        companions: [{ name: '欧阳小同' }],
      }),
    )
    const own = api.ok(await api.call(OWNER.openid, 'entry.get', { id: entry.id }))
    expect(own).toMatchObject({ mine: true, status: 'confirmed', statusText: '报名成功' })
    const code = own.mine ? own.ticketCode : null
    expect(code).toBeTruthy()
    for (const openid of [OTHER.openid, UNVERIFIED, STAFF]) {
      const card = api.ok(await api.call(openid, 'entry.get', { id: entry.id }))
      expect(card).toMatchObject({
        mine: false,
        status: 'confirmed',
        statusText: '报名成功',
        partySize: 2,
        activityTitle: activity.title,
      })
      const text = JSON.stringify(card)
      for (const secret of [
        OWNER.name,
        OWNER.phone,
        OWNER.memberId,
        OWNER.openid,
        String(code),
        '欧阳小同',
      ])
        expect(text).not.toContain(secret)
      expect(Object.keys(card)).not.toEqual(expect.arrayContaining(['actions']))
    }
    expect(
      await api.call(OTHER.openid, 'entry.get', { id: 'e000000000000000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a failing send is retried by the scheduler; the signup went through once', async () => {
    await consent(RETRIED.openid, ['entryResult'])
    const activity = await published()
    const before = (await outbox(RETRIED.openid)).length
    await api.cloud.setFaults({ failWxApi: 1 })
    const requestId = rid('fail')
    const signup = { activityId: activity.id, sessionId: activity.sessions[0].id, companions: [] }
    const entry = api.ok(await api.write(RETRIED.openid, 'entry.submit', requestId, signup))
    await api.cloud.clearFaults()
    const told = (await messages(RETRIED.openid)).find(
      (m) => m.kind === 'entry.received' && m.link.endsWith(entry.id),
    )
    expect(told).toBeDefined()
    expect(await sendOf(String(told?.id))).toMatchObject({ status: 'failed', attempts: 1 })
    expect(await outbox(RETRIED.openid)).toHaveLength(before)

    // A retry of the request changes nothing; the scheduler, once the retry is due, sends.
    api.ok(await api.write(RETRIED.openid, 'entry.submit', requestId, signup))
    await api.shiftClock(2 * 60_000)
    await scheduler()
    await api.shiftClock(0)
    expect(await sendOf(String(told?.id))).toMatchObject({ status: 'sent', attempts: 2 })
    const after = await outbox(RETRIED.openid)
    expect(after).toHaveLength(before + 1)
    expect(after[0].page).toBe(`activity/entry/index?id=${entry.id}`)
    const entries = api.ok(await api.call(RETRIED.openid, 'entry.mine', { limit: 50 })).items
    expect(entries.filter((e) => e.activityId === activity.id)).toHaveLength(1)
    expect(api.ok(await api.call(RETRIED.openid, 'consent.mine', {})).counts.entryResult).toBe(0)
  })
})

describe('bookings', () => {
  const TODAY = dayOf(new Date())
  const D = addDays(TODAY, 2)
  let venue: { id: string; tables: string[] }

  beforeAll(async () => {
    venue = await createVenue(
      api,
      pingPongVenue(TODAY, {
        days: 10,
        policy: {
          opens: { daysAhead: 5, at: '00:00' },
          perMemberDay: 4,
          activeAtOnce: 6,
          noShowBan: { noShows: 1, withinDays: 180, banDays: 1 },
        },
      }),
    )
  })
  afterAll(async () => {
    await api.shiftClock(0)
  })

  const book = (openid: string, table: number, start: string, date = D) =>
    api.write(openid, 'booking.create', rid('book'), {
      venueId: venue.id,
      date,
      picks: [{ resourceId: venue.tables[table], start }],
    })

  it('made, by the member and by staff, and cancelled by staff and by a closed day', async () => {
    await consent(OWNER.openid, ['bookingResult'])
    const made = api.ok(await book(OWNER.openid, 0, '12:00')).bookings[0]
    const told = (await messages(OWNER.openid)).find((m) => m.kind === 'booking.made')
    expect(told?.link).toBe(`/venue/booking/index?id=${encodeURIComponent(made.ref)}`)
    const sent = (await outbox(OWNER.openid)).find(
      (s) => s.template_id === 'local-tmpl-booking-result',
    )
    expect(sent?.page).toBe(`venue/booking/index?id=${encodeURIComponent(made.ref)}`)
    expect(sent?.data.phrase3.value).toBe('预约成功')

    const byStaff = api.ok(
      await api.write(STAFF, 'booking.createFor', rid('bf'), {
        memberId: OWNER.memberId,
        venueId: venue.id,
        date: D,
        picks: [{ resourceId: venue.tables[1], start: '13:00' }],
      }),
    ).bookings[0]
    api.ok(
      await api.write(STAFF, 'booking.cancelFor', rid('cf'), {
        memberId: OWNER.memberId,
        bookingId: byStaff.ref,
        reason: '会员来电取消',
      }),
    )
    const all = await messages(OWNER.openid)
    const links = (kind: string) => all.filter((m) => m.kind === kind).map((m) => m.link)
    expect(links('booking.made')).toContain(
      `/venue/booking/index?id=${encodeURIComponent(byStaff.ref)}`,
    )
    expect(links('booking.cancelled')).toEqual([
      `/venue/booking/index?id=${encodeURIComponent(byStaff.ref)}`,
    ])
    // One consent, one subscription message: the later events are in the app only.
    expect(
      (await outbox(OWNER.openid)).filter((s) => s.template_id === 'local-tmpl-booking-result'),
    ).toHaveLength(1)

    // A closed day cancels OTHER's booking of that day with the reason.
    const theirs = api.ok(await book(OTHER.openid, 2, '15:00')).bookings[0]
    const params = pingPongVenue(TODAY, {
      days: 10,
      policy: {
        opens: { daysAhead: 5, at: '00:00' },
        perMemberDay: 4,
        activeAtOnce: 6,
        noShowBan: { noShows: 1, withinDays: 180, banDays: 1 },
      },
    })
    params.calendar.exceptions = [{ date: addDays(D, 1), hours: null, reason: '展厅布展' }]
    api.ok(
      await api.write(STAFF, 'venue.update', rid('vu'), { ...params, id: venue.id, version: 1 }),
    )
    // Not that day: nothing yet. Close D itself.
    params.calendar.exceptions = [{ date: D, hours: null, reason: '展厅布展' }]
    api.ok(
      await api.write(STAFF, 'venue.update', rid('vu'), { ...params, id: venue.id, version: 2 }),
    )
    const closure = (await messages(OTHER.openid)).find((m) => m.kind === 'booking.cancelled')
    expect(closure?.link).toBe(`/venue/booking/index?id=${encodeURIComponent(theirs.ref)}`)
    expect(closure?.body).toContain('展厅布展')
    expect(bookingRefOf({ _id: theirs.id, claim: theirs.ref.split('~')[1] })).toBe(theirs.ref)
  })
  it('the day before, a no-show, the ban running out: told by the scheduler, each once', async () => {
    await consent(OTHER.openid, ['bookingReminder', 'noShow'])
    const day = addDays(D, 1)
    const booking = api.ok(await book(OTHER.openid, 3, '14:00', day)).bookings[0]
    const link = `/venue/booking/index?id=${encodeURIComponent(booking.ref)}`
    const kinds = async (kind: string) =>
      (await messages(OTHER.openid)).filter((m) => m.kind === kind)

    await api.shiftClock(offsetTo(D, '18:00', 30))
    await scheduler()
    await scheduler()
    expect((await kinds('booking.reminder')).map((m) => m.link)).toEqual([link])
    const reminded = (await outbox(OTHER.openid)).filter(
      (x) => x.template_id === 'local-tmpl-booking-reminder',
    )
    expect(reminded).toHaveLength(1)
    expect(reminded[0].page).toBe(link.slice(1))

    await api.shiftClock(offsetTo(day, '14:20'))
    await scheduler()
    const noShow = await kinds('booking.noShow')
    expect(noShow.map((m) => m.link)).toEqual([link])
    expect(noShow[0].body).toContain('暂停预约')
    expect(
      (await outbox(OTHER.openid)).filter((x) => x.template_id === 'local-tmpl-no-show'),
    ).toHaveLength(1)

    const credit = (await api.documents('credit')).find((c) => c._id === OTHER.memberId)
    const bannedUntil = new Date(String(credit?.bannedUntil)).getTime()
    await api.shiftClock(bannedUntil + 60_000 - Date.now())
    await scheduler()
    await scheduler()
    const lifted = await kinds('ban.lifted')
    expect(lifted).toHaveLength(1)
    expect(lifted[0].link).toBe('/venue/bookings/index')
  })
})
