/**
 * 场馆 pages of the COMPILED weapp build against the real api function and local cloud: the
 * venue's grid and booking with its confirmation, 我的预约 with only the actions each state
 * allows, and the shared booking page as another member. Mocked are only WeChat's own APIs
 * (`wx.cloud` forwards to the local cloud as the seeded member, `showModal` answers 确定).
 * Besides the seeded venue, staff make one whose days open a week ahead at midnight, so the
 * booking steps do not hang on the hour the suite runs at.
 */
import { demoData } from '../../cloud/seed'
import { VENUE_IDS } from '../../cloud/seed/venues'
import type { BookingResult, ManagedVenue, MyBooking } from '../../cloudfunctions/contract'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { seedVerifiedMembers, type SeededMember } from '../helpers/activities'
import { pingPongVenue } from '../helpers/venues'
import { actionsCalled, bootActivityApp, type ActivityApp } from './activity-fixtures'
import { BOOT_TIMEOUT_MS } from './boot'
import type { SimulatedComponent } from './harness'

let app: ActivityApp
let staff: string
let other: SeededMember
let venue: { id: string; tables: string[] }
const TODAY = dayOf(new Date())
/** A day of the test venue: open for booking whatever the hour, every slot still ahead. */
const D = addDays(TODAY, 2)
const seed = demoData(new Date())
const devMemberId = String(seed.collections.members[0]._id)
const devBooking = (seed.collections.bookings as Array<{ memberId: string; date: string }>).find(
  (b) => b.memberId === devMemberId,
)

const myBookings = async (openid: string) =>
  (await app.api<{ items: MyBooking[] }>(openid, 'booking.mine', {}, false)).items

beforeAll(async () => {
  app = await bootActivityApp('member')
  staff = await app.openidOf('staff')
  ;[other] = await seedVerifiedMembers(app.cloud.app(), 1, 'venuepage')
  const params = pingPongVenue(TODAY, {
    policy: {
      opens: { daysAhead: 7, at: '00:00' },
      perMemberDay: 2,
      perMemberWeek: 10,
      activeAtOnce: 5,
    },
  })
  const made = await app.api<ManagedVenue>(staff, 'venue.create', {
    ...params,
    name: '页面测试·乒乓球',
  })
  venue = { id: made.id, tables: made.resourceList.map((r) => r.id) }
  // Another member took 2号台 at 14:00 on D.
  await app.api<BookingResult>(other.openid, 'booking.create', {
    venueId: venue.id,
    date: D,
    picks: [{ resourceId: venue.tables[1], start: '14:00' }],
  })
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

const text = (page: SimulatedComponent) => page.dom.textContent ?? ''
const cells = (page: SimulatedComponent) => app.texts(page, '.zg-grid__cell')
/** The cell of `start` (a row of the 12:00–20:30 day) on table `table` (0-based), of 4. */
const cellAt = (page: SimulatedComponent, start: string, table: number) => {
  const row = Number(start.slice(0, 2)) - 12
  return page.querySelectorAll('.zg-grid__cell')[row * 4 + table]
}
const button = (page: SimulatedComponent, label: string, within?: Element) =>
  page
    .querySelectorAll('.nut-button')
    .find((b) => (b.dom.textContent ?? '') === label && (!within || within.contains(b.dom)))
// The simulator renames classes in the DOM, so parts are found page-wide and matched by nesting.
/** The booking cards whose badge reads `status`. */
const cardsIn = (page: SimulatedComponent, status: string) => {
  const badges = page.querySelectorAll('.zg-badge').filter((b) => b.dom.textContent === status)
  return page
    .querySelectorAll('.zg-card')
    .map((c) => c.dom)
    .filter((c) => badges.some((b) => c.contains(b.dom)))
}
const labelsIn = (page: SimulatedComponent, card: Element) =>
  page
    .querySelectorAll('.nut-button')
    .filter((b) => card.contains(b.dom))
    .map((b) => b.dom.textContent ?? '')

describe('场馆 tab', () => {
  it('lists the published venues and opens one on a tap', async () => {
    const page = await app.open('pages/venues/index', {}, '乒乓球场地预约')
    await app.waitFor(() => text(page).includes('页面测试·乒乓球'))
    const titles = app.texts(page, '.zg-card__title')
    expect(titles).toEqual(expect.arrayContaining(['乒乓球场地预约', '页面测试·乒乓球']))
    expect(text(page)).toContain('每天 12:00–20:30 · 每时段 60 分钟')
    const seeded = page
      .querySelectorAll('.zg-card')
      .find((c) => (c.dom.textContent ?? '').includes('乒乓球场地预约'))
    seeded?.dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo.mock.calls.at(-1)?.[0]).toMatchObject({
      url: `/venue/detail/index?id=${VENUE_IDS.pingPong}`,
    })
  })
})

describe('场馆 venue page', () => {
  it('shows the seeded venue with its date strip, the grid in words, and the dev member’s booking as mine', async () => {
    expect(devBooking).toBeDefined()
    const page = await app.open(
      'venue/detail/index',
      { id: VENUE_IDS.pingPong, date: String(devBooking?.date) },
      '时段',
    )
    await app.waitFor(() => cells(page).length === 36)
    const all = text(page)
    expect(all).toContain('乒乓球场地预约')
    expect(all).toContain('杭州市西湖区学院路107号')
    expect(all).toContain('0571-56000319')
    // The strip starts today, or tomorrow once today's last slot has begun; the day shown is ticked.
    const words = app.texts(page, '.zg-days__word')
    expect(words[0]).toMatch(/今天|明天/)
    expect(words.filter((w) => w.startsWith('✓'))).toHaveLength(1)
    expect(app.texts(page, '.zg-grid__table-name')).toEqual(['1号台', '2号台', '3号台', '4号台'])
    expect(app.texts(page, '.zg-grid__start')).toHaveLength(9)
    expect(app.texts(page, '.zg-grid__end').slice(-1)).toEqual(['至20:30'])
    expect(cellAt(page, '19:00', 1)?.dom.textContent).toBe('★我的')
    // Every cell says its state in a word, not by colour alone.
    for (const c of cells(page)) expect(c).toMatch(/空闲|已约|我的|关闭|已过|\d+(点|:\d\d)开放/)
    expect(cells(page).some((c) => c.includes('已约'))).toBe(true)
  })

  it('books two consecutive slots after a confirmation that states the cancel rule', async () => {
    const page = await app.open('venue/detail/index', { id: venue.id, date: D }, '时段')
    await app.waitFor(() => cells(page).length === 36)
    expect(cellAt(page, '14:00', 1)?.dom.textContent).toBe('●已约')
    expect(cellAt(page, '14:00', 0)?.dom.textContent).toBe('○空闲')

    // A taken cell cannot be picked, and says why.
    cellAt(page, '14:00', 1)?.dispatchEvent('tap')
    await app.waitFor(() => app.showToast.mock.calls.length > 0)
    expect(app.showToast.mock.calls.at(-1)?.[0]).toMatchObject({
      title: '该时段已被预约，请选择其他时段',
    })

    cellAt(page, '14:00', 0)?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('确认预约'))
    cellAt(page, '15:00', 0)?.dispatchEvent('tap')
    await app.waitFor(() => cells(page).filter((c) => c === '✓已选').length === 2)
    const sheet = app.texts(page, '.zg-confirm').join('')
    expect(sheet).toContain('14:00–16:00')
    expect(sheet).toContain('1号台 · 2 个时段')
    expect(sheet).toContain('取消规则：开始前30分钟以前可取消，之后不能取消；未签到记爽约一次')
    expect(actionsCalled(app.wxCloud)).not.toContain('booking.create')

    button(page, '确认预约')?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('预约成功'))
    const call = app.wxCloud.callFunction.mock.calls.find(
      ([o]) => (o.data as { action: string }).action === 'booking.create',
    )
    expect(call?.[0].data).toEqual({
      action: 'booking.create',
      payload: {
        venueId: venue.id,
        date: D,
        picks: [
          { resourceId: venue.tables[0], start: '14:00' },
          { resourceId: venue.tables[0], start: '15:00' },
        ],
        requestId: expect.any(String),
      },
    })
    expect(app.texts(page, '.zg-answer').join('')).toContain('1号台 ·')
    await app.waitFor(() => cells(page).filter((c) => c === '★我的').length === 2)
    expect(cellAt(page, '14:00', 0)?.dom.textContent).toBe('★我的')
  })

  it('shows a refusal in place: a third slot that day passes the member’s day limit', async () => {
    const page = await app.open('venue/detail/index', { id: venue.id, date: D }, '时段')
    await app.waitFor(() => cells(page).length === 36)
    cellAt(page, '18:00', 3)?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('确认预约'))
    button(page, '确认预约')?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('预约未成功'))
    expect(app.texts(page, '.zg-answer__message')).toEqual(['每人每天最多预约2个时段，当天已约满'])
    expect(cellAt(page, '18:00', 3)?.dom.textContent).toBe('○空闲')
  })
})

describe('我的预约', () => {
  let noShow: MyBooking

  beforeAll(async () => {
    // A booking the member never came to, as the scheduler leaves it after the grace window.
    const [made] = (
      await app.api<BookingResult>(staff, 'booking.createFor', {
        memberId: devMemberId,
        venueId: venue.id,
        date: addDays(D, 1),
        picks: [{ resourceId: venue.tables[2], start: '19:00' }],
      })
    ).bookings
    noShow = made
    await app.cloud
      .app()
      .database()
      .collection('bookings')
      .doc(made.id)
      .update({ status: 'noShow', noShowAt: new Date() })
  })

  it('lists each booking with its state and only the actions it allows', async () => {
    const page = await app.open('venue/bookings/index', {}, '页面测试·乒乓球')
    await app.waitFor(() => app.texts(page, '.zg-card').length >= 4)
    const [missed] = cardsIn(page, '爽约')
    expect(missed.textContent).toContain('3号台')
    expect(missed.textContent).toContain('由工作人员代为办理')
    expect(labelsIn(page, missed)).toEqual(['申诉'])
    const booked = cardsIn(page, '已预约')
    expect(booked).toHaveLength(3)
    for (const c of booked) {
      expect(labelsIn(page, c)).toEqual(['取消预约'])
      expect(c.textContent).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前可取消/)
    }
  })

  it('cancels after the member confirms, and the booking reads 已取消 with no action', async () => {
    const page = await app.open('venue/bookings/index', {}, '页面测试·乒乓球')
    await app.waitFor(() => app.texts(page, '.zg-card').length >= 4)
    const target = cardsIn(page, '已预约').find((c) => /15:00–16:00/.test(c.textContent ?? ''))
    button(page, '取消预约', target)?.dispatchEvent('tap')
    await app.waitFor(() => actionsCalled(app.wxCloud).includes('booking.cancel'))
    expect(app.showModal.mock.calls.at(-1)?.[0]).toMatchObject({ title: '取消预约' })
    await app.waitFor(() => text(page).includes('已取消'))
    const [cancelled] = cardsIn(page, '已取消')
    expect(cancelled.textContent).toContain('15:00–16:00')
    expect(cancelled.textContent).toContain('取消原因：会员取消')
    expect(labelsIn(page, cancelled)).toEqual([])
  })

  it('takes an appeal of a no-show with a note', async () => {
    const page = await app.open('venue/bookings/index', {}, '页面测试·乒乓球')
    await app.waitFor(() => text(page).includes('爽约'))
    button(page, '申诉')?.dispatchEvent('tap')
    await app.waitFor(() => page.querySelectorAll('.zg-appeal__input').length === 1)
    page
      .querySelector('.zg-appeal__input')
      ?.dispatchEvent('input', { detail: { value: '前台排队，过了签到时间' } })
    await app.harness.simulate.sleep(50)
    button(page, '提交申诉')?.dispatchEvent('tap')
    await app.waitFor(() => text(page).includes('申诉已提交，等待工作人员处理'))
    const call = app.wxCloud.callFunction.mock.calls.find(
      ([o]) => (o.data as { action: string }).action === 'booking.appeal',
    )
    expect(call?.[0].data).toMatchObject({
      payload: { bookingId: noShow.ref, note: '前台排队，过了签到时间' },
    })
    expect(button(page, '申诉')).toBeUndefined()
  })
})

describe('预约状态 (a shared card)', () => {
  it('shows the owner their booking with its actions and a share button', async () => {
    const mine = await myBookings(seed.identities[0].openid)
    const booked = mine.find((b) => b.status === 'booked' && b.venueId === venue.id)
    const page = await app.open('venue/booking/index', { id: String(booked?.ref) }, '我的预约')
    expect(text(page)).toContain('1号台')
    expect(button(page, '取消预约')).toBeDefined()
    expect(button(page, '分享给球友')).toBeDefined()
  })

  it('shows another member the venue, time, table and status, with no personal data and no actions', async () => {
    const owner = seed.identities[0]
    const [ownBooking] = (await myBookings(owner.openid)).filter(
      (b) => b.status === 'booked' && b.venueId === venue.id,
    )
    // The card is opened in another member's WeChat.
    app.callAs(other.openid)
    const page = await app.open('venue/booking/index', { id: ownBooking.ref }, '预约状态')
    const all = text(page)
    expect(all).toContain('页面测试·乒乓球')
    expect(all).toContain(ownBooking.resourceName)
    expect(all).toContain(`${ownBooking.start}–${ownBooking.end}`)
    expect(all).toContain('已预约')
    expect(all).not.toContain(owner.name)
    expect(all).not.toContain(owner.phone)
    expect(all).not.toContain('签到时间')
    expect(page.querySelectorAll('.zg-ticket-qr')).toEqual([])
    expect(button(page, '取消预约')).toBeUndefined()
    expect(button(page, '分享给球友')).toBeUndefined()
    expect(button(page, '我也去预约场地')).toBeDefined()
  })
})
