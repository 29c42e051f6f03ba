/**
 * What a chat opens, in the COMPILED weapp build against the real api function and local
 * cloud: the entry status page (`activity/entry/index?id=`) as the entry's member (the card,
 * its actions, the ticket QR) and as another member (the public status only: no code, no QR,
 * no actions, no name); the share cards' payloads (`onShareAppMessage`); and the line under a
 * signup that says which WeChat notifications were subscribed.
 *
 * Mocked are only WeChat's own APIs: `wx.cloud` forwards to the local cloud as the member (or
 * the other member), and `requestSubscribeMessage` — the consent dialog, a WeChat edge no test
 * can tap through — answers as a member would who allowed two topics and refused the third.
 */
import type { ManagedVenue, MyConsents, MyEntry, Page } from '../../cloudfunctions/contract'
import { demoData } from '../../cloud/seed'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { seedVerifiedMembers } from '../helpers/activities'
import { pingPongVenue } from '../helpers/venues'
import type { SimulatedComponent } from './harness'
import {
  activityFields,
  bootActivityApp,
  publishActivity,
  type ActivityApp,
} from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'

const TEA = '分享测试·先到先得茶会'
const SHOW = '分享测试·抽签演出'
const owner = demoData(new Date()).identities[0]

// The build carries no template ids (no .env), so the bundle reads `process.env.TARO_APP_TMPL_…`
// at run time; here that is this process's environment, standing in for a configured build.
process.env.TARO_APP_TMPL_DRAW_RESULT = 'tmpl-draw-result'
process.env.TARO_APP_TMPL_OFFER = 'tmpl-offer'
process.env.TARO_APP_TMPL_REMINDER = 'tmpl-reminder'
process.env.TARO_APP_TMPL_BOOKING_RESULT = 'tmpl-booking-result'
process.env.TARO_APP_TMPL_BOOKING_REMINDER = 'tmpl-booking-reminder'
process.env.TARO_APP_TMPL_NO_SHOW = 'tmpl-no-show'

let app: ActivityApp
let member: string
let other: string
let teaId = ''
let showId = ''
let venueId = ''
/** The member's first-come entry (with a companion): a seat, so a ticket. */
let entry: MyEntry

const text = (page: SimulatedComponent) => page.dom.textContent ?? ''
const buttons = (page: SimulatedComponent) =>
  page.querySelectorAll('.nut-button').map((b) => b.dom.textContent ?? '')

interface ShareReply {
  title: string
  path: string
  imageUrl?: string
}

/** What the page hands WeChat when the member taps 分享 (the share sheet asks the page). */
function shareOf(page: SimulatedComponent): ShareReply {
  const instance = page.instance as { onShareAppMessage?: (o: object) => ShareReply }
  if (!instance.onShareAppMessage) throw new Error('the page has no onShareAppMessage')
  return instance.onShareAppMessage({ from: 'button' })
}

beforeAll(async () => {
  app = await bootActivityApp('member')
  member = await app.openidOf('member')
  const staff = await app.openidOf('staff')
  ;[{ openid: other }] = await seedVerifiedMembers(app.cloud.app(), 1, 'chatsui')
  teaId = (await publishActivity(app.cloud, staff, activityFields(TEA, { cancelCutoffHours: 6 })))
    .id
  showId = (
    await publishActivity(
      app.cloud,
      staff,
      activityFields(SHOW, { category: 'show', allocation: 'lottery' }),
    )
  ).id
  await app.api<MyEntry>(member, 'entry.submit', {
    activityId: teaId,
    sessionId: 's1',
    companions: [{ name: '王小红' }],
  })
  // As 我的报名 reads it: with the ticket's code, which only its member is ever sent.
  const mine = await app.api<Page<MyEntry>>(member, 'entry.mine', { limit: 50 }, false)
  const found = mine.items.find((e) => e.activityId === teaId)
  if (!found?.ticketCode) throw new Error('the tea entry has no ticket')
  entry = found
  // A venue whose days open a week ahead at midnight: bookable whatever the hour the suite runs.
  const venue = await app.api<ManagedVenue>(staff, 'venue.create', {
    ...pingPongVenue(dayOf(new Date()), { policy: { opens: { daysAhead: 7, at: '00:00' } } }),
    name: '分享测试·乒乓球',
  })
  venueId = venue.id
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

describe('the entry status page', () => {
  it('shows its member the entry with its next action, the ticket QR and a share button', async () => {
    app.callAs(member)
    const page = await app.open('activity/entry/index', { id: entry.id }, '我的报名')
    const all = text(page)
    expect(all).toContain(TEA)
    expect(all).toContain('报名成功')
    expect(all).toContain('王小红')
    expect(buttons(page)).toEqual(expect.arrayContaining(['取消报名', '分享给好友']))
    expect(page.querySelectorAll('.zg-ticket-qr')).toHaveLength(1)
    expect(app.texts(page, '.zg-ticket-qr__code')).toContain(String(entry.ticketCode))
  })

  it('shares it in the owner’s voice, by the entry’s id, without the member’s name', async () => {
    const page = await app.open('activity/entry/index', { id: entry.id }, '我的报名')
    const card = shareOf(page)
    expect(card.path).toBe(`/activity/entry/index?id=${entry.id}`)
    expect(card.title).toBe(`我已报名《${TEA}》`)
    expect(card.title).not.toContain(owner.name)
    expect(card.title).not.toContain('王小红')
  })

  it('shows another member the status only: no code, no QR, no actions, no name', async () => {
    app.callAs(other)
    const page = await app.open('activity/entry/index', { id: entry.id }, '报名状态')
    const all = text(page)
    expect(all).toContain(TEA)
    expect(all).toContain('报名成功')
    expect(all).toContain('杭州茗庐茶文化体验馆')
    expect(all).toContain('人数：2 人')
    expect(all).not.toContain(owner.name)
    expect(all).not.toContain('王小红')
    expect(all).not.toContain(String(entry.ticketCode))
    expect(all).not.toContain('电子票')
    expect(page.querySelectorAll('.zg-ticket-qr')).toEqual([])
    expect(buttons(page)).toEqual(['查看活动'])
    // Forwarded on from there, the card speaks of the entry, not as its owner.
    const card = shareOf(page)
    expect(card.path).toBe(`/activity/entry/index?id=${entry.id}`)
    expect(card.title).toBe(`《${TEA}》报名状态：报名成功`)
  })

  it('says so in Chinese when the link names no entry it knows', async () => {
    app.callAs(member)
    const page = await app.open(
      'activity/entry/index',
      { id: 'e000000000000000000000000' },
      '没有找到这份报名',
    )
    expect(buttons(page)).toContain('重试')
  })
})

describe('the activity page', () => {
  it('shares the activity by its id, with a 分享给好友 button on the page', async () => {
    app.callAs(member)
    const page = await app.open('activity/detail/index', { id: teaId }, '我的报名')
    expect(buttons(page)).toContain('分享给好友')
    const card = shareOf(page)
    expect(card.path).toBe(`/activity/detail/index?id=${teaId}`)
    expect(card.title).toBe(TEA)
  })
})

/** WeChat's consent dialog, answered with `answers` (template id → accept / reject). */
function consentDialogAnswers(answers: Record<string, string>): void {
  app.requestSubscribeMessage.mockImplementation(
    (options: { success?: (r: object) => void; complete?: (r: object) => void } = {}) => {
      const res = { errMsg: 'requestSubscribeMessage:ok', ...answers }
      options.success?.(res)
      options.complete?.(res)
    },
  )
}

const recorded = () =>
  app.wxCloud.callFunction.mock.calls
    .map(([o]) => o.data as { action: string; payload: unknown })
    .filter((d) => d.action === 'consent.record')

describe('consents at the signup tap', () => {
  it('asks for the lottery’s three topics, records the answer and shows what was subscribed', async () => {
    app.callAs(member)
    // WeChat's dialog answered: the result and the offer allowed, the reminder refused.
    consentDialogAnswers({
      'tmpl-draw-result': 'accept',
      'tmpl-offer': 'accept',
      'tmpl-reminder': 'reject',
    })
    app.wxCloud.callFunction.mockClear()
    const page = await app.open('activity/detail/index', { id: showId }, '我要报名')
    page
      .querySelectorAll('.nut-button')
      .find((b) => b.dom.textContent === '提交报名（参加抽签）')
      ?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('已订阅'))
    expect(app.texts(page, '.zg-consent__line')).toEqual([
      '微信通知 · 已订阅：抽签结果、递补通知；未订阅：活动提醒',
    ])
    expect(text(page)).toContain('仍可在“我的 → 消息”中查看')
    expect(app.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-draw-result', 'tmpl-offer', 'tmpl-reminder'] }),
    )

    await app.waitFor(() => recorded().length > 0)
    expect(recorded()).toEqual([
      {
        action: 'consent.record',
        payload: {
          granted: ['drawResult', 'offer'],
          refused: ['reminder'],
          requestId: expect.any(String),
        },
      },
    ])
    // The server holds one message's worth of each granted topic, none of the refused one.
    const mine = await app.api<MyConsents>(member, 'consent.mine', {}, false)
    expect(mine.counts.drawResult).toBeGreaterThanOrEqual(1)
    expect(mine.counts.offer).toBeGreaterThanOrEqual(1)
    expect(mine.counts.reminder).toBe(0)
  })
})

describe('consents at the booking tap', () => {
  it('asks for the booking’s three topics and says what was subscribed under 预约成功', async () => {
    app.callAs(member)
    consentDialogAnswers({
      'tmpl-booking-result': 'accept',
      'tmpl-booking-reminder': 'reject',
      'tmpl-no-show': 'reject',
    })
    app.requestSubscribeMessage.mockClear()
    app.wxCloud.callFunction.mockClear()
    const date = addDays(dayOf(new Date()), 2)
    const page = await app.open('venue/detail/index', { id: venueId, date }, '时段')
    await app.waitFor(() => page.querySelectorAll('.zg-grid__cell').length > 0)
    // 14:00 on 1号台: the third row of the 12:00–20:30 day, four tables a row.
    page.querySelectorAll('.zg-grid__cell')[2 * 4]?.dispatchEvent('tap')
    await app.waitFor(() => buttons(page).includes('确认预约'))
    page
      .querySelectorAll('.nut-button')
      .find((b) => b.dom.textContent === '确认预约')
      ?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('预约成功'))
    await app.waitFor(() => app.texts(page, '.zg-consent__line').length > 0)
    expect(app.texts(page, '.zg-consent__line')).toEqual([
      '微信通知 · 已订阅：预约结果；未订阅：预约提醒、爽约提醒',
    ])
    expect(app.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        tmplIds: ['tmpl-booking-result', 'tmpl-booking-reminder', 'tmpl-no-show'],
      }),
    )
    // Asked inside the tap, before the booking went out; the booking never waited for it.
    const create = app.wxCloud.callFunction.mock.calls.findIndex(
      ([o]) => (o.data as { action: string }).action === 'booking.create',
    )
    expect(create).toBeGreaterThanOrEqual(0)
    expect(app.requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan(
      app.wxCloud.callFunction.mock.invocationCallOrder[create],
    )
    await app.waitFor(() => recorded().length > 0)
    expect(recorded()[0].payload).toEqual({
      granted: ['bookingResult'],
      refused: ['bookingReminder', 'noShow'],
      requestId: expect.any(String),
    })
  })
})
