import type { Locator, Page } from 'playwright-core'
import type { MyBooking, Page as ListPage } from '../../cloudfunctions/contract'
import { whenText } from '../../cloudfunctions/domain/booking'
import { addDays, atLocal, dayOf } from '../../cloudfunctions/domain/time'
import { actAs, apiAs, button, card, demoSession, field, phone, snap } from './browser'

/**
 * Venue booking in a real browser over the H5 build, on the demo data (issue 10's "done when"):
 *
 * 1. 王建国 books a slot of the ping-pong venue from its grid, through the confirmation that
 *    states the cancel rule, and finds it 已预约 in 我的预约;
 * 2. cancels it (已取消) and books another slot;
 * 3. 刘洋 opens that booking's status page, as a shared card would: the slot, table and status,
 *    no name, no phone, no actions;
 * 4. in the check-in window 赵敏 types his booking code at the door: ✓ 签到成功, 王*国, the
 *    table; his 我的预约 says 已签到;
 * 5. two bookings left empty, a scheduler tick after each grace window: 爽约 ×2, and the ban
 *    refuses his next booking and his next activity signup, saying until when.
 *
 * The seed is relative to the real clock, so the suite first sets the local cloud's clock to
 * 12:05 Beijing time of tomorrow (D1): D1's afternoon and all of D2 are bookable (D2 opened at
 * 12:00), whatever the hour the suite runs. His seeded booking (today or D1, 19:00) is cancelled
 * through the api before that, or the clock jumps would turn it into a no-show of its own.
 *
 * One cloud for the file: the tests build on each other, in this order.
 */
const demo = demoSession()

const MEMBER = 'dev-member-1'
const VENUE = '乒乓球场地预约'
const SHOW = '杂技剧《山水相依》'
const MINUTE = 60_000

/** Beijing days from the suite's start: D0 is the seed's today. */
const D0 = dayOf(new Date())
const D = (n: number) => addDays(D0, n)

/** The booking to check in (test 2 books it, test 4 checks it in). */
let kept: { date: string; start: string; end: string; table: string; ref: string } | undefined

// ── the cloud, behind the browser's back ─────────────────────────────────────────────────

const api = apiAs(demo)

async function myBookings(): Promise<MyBooking[]> {
  return (await api<ListPage<MyBooking>>('booking.mine', { limit: 50 }, MEMBER)).items
}

/** His newest booking of the slot (booking.mine lists the newest first). */
async function bookingAt(date: string, start: string): Promise<MyBooking | undefined> {
  return (await myBookings()).find((b) => b.date === date && b.start === start)
}

type Doc = Record<string, unknown>

async function doc(collection: string, id: string): Promise<Doc | undefined> {
  const res = (await demo.cloud.app().database().collection(collection).doc(id).get()) as {
    data: Doc[] | Doc
  }
  return Array.isArray(res.data) ? res.data[0] : res.data
}

/** His credit record (keyed by his registry member id), if he has one. */
async function credit(): Promise<Doc | undefined> {
  const binding = await doc('bindings', MEMBER)
  if (!binding) throw new Error(`${MEMBER} is not bound to a member`)
  return doc('credit', String(binding.memberId))
}

/** How far the local cloud's clock is ahead of the real one. */
let offsetMs = 0

/** Moves the local cloud's clock so that its "now" is `at` (the test's own clock is real). */
async function setClock(at: Date): Promise<void> {
  offsetMs = at.getTime() - Date.now()
  const res = await demo.cloud.post('/dev/clock', { offsetMs })
  if (res.status !== 200) throw new Error(`/dev/clock: ${JSON.stringify(res.body)}`)
}

/**
 * A phone whose own clock agrees with the local cloud's, as a member's phone agrees with the
 * server: the pages word some times from it (今天/明天 on the date strip, when a day opens).
 */
async function phoneNow(): Promise<Page> {
  const page = await phone(demo.browser)
  await page.context().clock.install({ time: Date.now() + offsetMs })
  return page
}

/** After the cloud's clock moved, the phone's follows. */
async function syncClock(page: Page): Promise<void> {
  await page.context().clock.setSystemTime(Date.now() + offsetMs)
}

async function runScheduler(): Promise<void> {
  const res = await demo.cloud.post('/dev/trigger/scheduler')
  if (res.status !== 200) throw new Error(`/dev/trigger/scheduler: ${JSON.stringify(res.body)}`)
}

/** Past the booking's grace window, a scheduler tick turns it into a no-show. */
async function leaveEmpty(date: string, start: string): Promise<void> {
  await setClock(new Date(atLocal(date, start).getTime() + 20 * MINUTE))
  for (let run = 0; run < 5; run++) {
    await runScheduler()
    if ((await bookingAt(date, start))?.status === 'noShow') return
  }
  throw new Error(`the booking of ${date} ${start} is ${(await bookingAt(date, start))?.status}`)
}

// ── the app ──────────────────────────────────────────────────────────────────────────────

/** A tab of the bottom bar (the page title may carry the same word). */
function tab(page: Page, name: string) {
  return page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
}

/** Answers yes in Taro H5's modal, by its confirm button's text. */
async function confirmWith(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.taro-modal__content')
  await dialog.waitFor()
  await dialog.locator('.taro-modal__foot').getByText(text, { exact: true }).click()
}

/** 6月14日 周六, as the app writes a date. */
function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${m}月${d}日 周${weekday}`
}

/** 场馆 → the ping-pong venue's page. */
async function openVenue(page: Page): Promise<void> {
  await tab(page, '场馆').click()
  // Inside the 场馆 tab's own page: the other tab pages stay in the DOM.
  const listed = page
    .locator('.taro_page[id^="/pages/venues/index"] .zg-card:visible', { hasText: VENUE })
    .first()
  await listed.waitFor()
  await listed.click()
  await page.locator('.zg-days__day:visible').first().waitFor()
}

/** The date strip's day, then its grid once it is that day's. */
async function chooseDay(page: Page, date: string): Promise<void> {
  const [, m, d] = date.split('-').map(Number)
  const day = `${m}月${d}日`
  await page.locator('.zg-days__day:visible', { hasText: day }).click()
  await page.locator('.zg-days__day--on:visible', { hasText: day }).waitFor()
  await page.locator('.zg-grid__row:visible').first().waitFor()
}

/** The grid's row of the slot starting at `start`. */
function row(page: Page, start: string): Locator {
  return page
    .locator('.zg-grid__row:visible')
    .filter({ has: page.locator('.zg-grid__start', { hasText: new RegExp(`^${start}$`) }) })
}

/**
 * Taps the first free table of the slot and waits for the confirmation; answers the table's
 * name, as the sheet states it (`2号台 · 1 个时段`).
 */
async function pickSlot(page: Page, start: string): Promise<{ sheet: Locator; table: string }> {
  await row(page, start).locator('.zg-grid__cell--free').first().click()
  const sheet = page.locator('.zg-confirm:visible')
  await sheet.waitFor()
  const line = (await sheet.locator('.zg-sheet__line').nth(1).textContent()) ?? ''
  const table = /^(\S+号台) · 1 个时段$/.exec(line.trim())?.[1]
  if (!table) throw new Error(`the sheet names no table: ${line}`)
  return { sheet, table }
}

/** 确认预约, and the answer in place (✓ 预约成功 or 预约未成功). */
async function confirmBooking(page: Page): Promise<Locator> {
  await button(page, '确认预约').click()
  const answer = page.locator('.zg-answer:visible')
  await answer.waitFor()
  return answer
}

/** Opens the venue, picks a free table at `start` on `date` and books it. */
async function bookInApp(page: Page, date: string, start: string): Promise<string> {
  await openVenue(page)
  await chooseDay(page, date)
  const { table } = await pickSlot(page, start)
  const answer = await confirmBooking(page)
  await answer.getByText('✓ 预约成功').waitFor()
  return table
}

/** 我的 → 我的预约, after (re)opening the app as 王建国. */
async function openMyBookings(page: Page): Promise<void> {
  await actAs(page, demo.cloud.url, '王建国')
  await tab(page, '我的').click()
  await card(page, '我的预约').click()
}

/**
 * His booking's card in 我的预约 (each card's title is the venue), once its badge says `status`;
 * a slot cancelled and booked again has a card for each.
 */
async function bookingCard(
  page: Page,
  date: string,
  start: string,
  status: string,
): Promise<Locator> {
  const found = card(page, VENUE)
    .filter({ hasText: `${dateText(date)} ${start}–` })
    .filter({ has: page.locator('.zg-badge', { hasText: new RegExp(`^${status}$`) }) })
  await found.waitFor()
  return found
}

test('王建国 books a slot from the grid, through the confirmation; 我的预约 says 已预约', async () => {
  // His seeded booking would turn into a no-show when the clock jumps: he cancels it first.
  const seeded = (await myBookings()).filter((b) => b.status === 'booked')
  expect(seeded).toHaveLength(1)
  await api('booking.cancel', { bookingId: seeded[0].ref, requestId: 'e2e-booking-seeded' }, MEMBER)
  await setClock(atLocal(D(1), '12:05'))

  const page = await phoneNow()
  await actAs(page, demo.cloud.url, '王建国')
  await openVenue(page)
  expect(await page.locator('.zg-venue__head:visible').textContent()).toContain(VENUE)
  await chooseDay(page, D(2))
  expect(await row(page, '14:00').locator('.zg-grid__cell--free').count()).toBe(4)
  // Opened at 12:00 today: said 明天 and 可预约, with no "opens at" line.
  const chosen = (await page.locator('.zg-days__day--on:visible').textContent()) ?? ''
  expect(chosen).toMatch(/明天.*可预约/)
  expect(await page.locator('.zg-venue__opens:visible').count()).toBe(0)
  await snap(page, 'booking-grid')

  const { sheet, table } = await pickSlot(page, '14:00')
  expect(table).toBe('1号台')
  const asked = (await sheet.textContent()) ?? ''
  expect(asked).toContain(`${dateText(D(2))} 14:00–15:00`)
  expect(asked).toContain('取消规则：开始前30分钟以前可取消，之后不能取消；未签到记爽约一次')
  await snap(page, 'booking-confirm')

  const answer = await confirmBooking(page)
  await answer.getByText('✓ 预约成功').waitFor()
  const done = (await answer.textContent()) ?? ''
  expect(done).toContain(`1号台 · ${dateText(D(2))} 14:00–15:00`)
  expect(done).toContain('请于 13:50–14:15 到前台出示预约码签到')
  // The grid was read again: the cell is his now.
  await row(page, '14:00').locator('.zg-grid__cell--mine').waitFor()
  await snap(page, 'booking-booked')

  await openMyBookings(page)
  const mine = await bookingCard(page, D(2), '14:00', '已预约')
  const text = (await mine.textContent()) ?? ''
  expect(text).toContain('场地：1号台')
  expect(text).toContain('前可取消')
  await snap(page, 'booking-mine')
  await page.context().close()
})

test('he cancels it (已取消) and books another slot', async () => {
  const page = await phoneNow()
  await openMyBookings(page)
  const mine = await bookingCard(page, D(2), '14:00', '已预约')
  await mine.locator('.nut-button', { hasText: '取消预约' }).click()
  await confirmWith(page, '确认取消')
  const cancelled = await bookingCard(page, D(2), '14:00', '已取消')
  expect(await cancelled.locator('.nut-button').count()).toBe(0)
  expect((await bookingAt(D(2), '14:00'))?.status).toBe('cancelled')
  await snap(page, 'booking-cancelled')

  // Today's (D1's) 14:00: some tables may be the seed's, any free one will do.
  await actAs(page, demo.cloud.url, '王建国')
  const table = await bookInApp(page, D(1), '14:00')
  await button(page, '查看预约').click()
  const own = card(page, '我的预约')
  await own.filter({ hasText: '已预约' }).waitFor()
  expect(await own.textContent()).toContain(`场地：${table}`)
  await button(page, '分享给球友').waitFor()

  const booking = await bookingAt(D(1), '14:00')
  if (!booking) throw new Error('his new booking is not in booking.mine')
  expect(booking.status).toBe('booked')
  expect(page.url()).toContain(`#/venue/booking/index?id=${encodeURIComponent(booking.ref)}`)
  kept = { date: D(1), start: '14:00', end: '15:00', table, ref: booking.ref }
  await page.context().close()
})

test('刘洋 opens the booking status page a shared card leads to: no name, no phone, no actions', async () => {
  if (!kept) throw new Error('test 2 booked nothing')
  const page = await phoneNow()
  await actAs(page, demo.cloud.url, '刘洋')
  await page.goto(`${demo.cloud.url}/#/venue/booking/index?id=${encodeURIComponent(kept.ref)}`)
  const shared = card(page, '预约状态')
  await shared.filter({ hasText: '已预约' }).waitFor()
  const text = (await shared.textContent()) ?? ''
  expect(text).toContain(`时间：${dateText(kept.date)} ${kept.start}–${kept.end}`)
  expect(text).toContain(`场地：${kept.table}`)
  expect(text).toContain(`场馆：${VENUE}`)
  await page.getByText('这是会员分享的场地预约，状态随时更新。').waitFor()

  // Nothing of the member's: no name (masked or not), no phone, no code, no actions.
  const body = (await page.locator('.taro_page:visible').textContent()) ?? ''
  expect(body).not.toMatch(/王建国|王\*国/)
  expect(body).not.toMatch(/1\d{2}[\d*]{4}\d{4}/)
  expect(body).not.toContain('签到时间')
  expect(await page.locator('.zg-ticket-qr:visible').count()).toBe(0)
  const buttons = await page.locator('.nut-button:visible').allTextContents()
  expect(buttons.map((b) => b.trim())).toEqual(['我也去预约场地'])
  await snap(page, 'booking-shared')
  await page.context().close()
})

test('in the check-in window 赵敏 types his booking code at the door: ✓ 签到成功', async () => {
  if (!kept) throw new Error('test 2 booked nothing')
  await setClock(atLocal(kept.date, '13:55'))

  // His booking now shows its code (and the QR carrying it).
  const page = await phoneNow()
  await openMyBookings(page)
  const mine = await bookingCard(page, kept.date, kept.start, '已预约')
  const qr = mine.locator('.zg-ticket-qr')
  await qr.locator('.zg-ticket-qr__image').waitFor()
  const code = ((await qr.locator('.zg-ticket-qr__code').textContent()) ?? '').trim()
  expect(code).toMatch(/^B/)
  expect((await bookingAt(kept.date, kept.start))?.code).toBe(code)
  await snap(page, 'booking-code')

  const door = await phoneNow()
  await actAs(door, demo.cloud.url, '赵敏')
  await tab(door, '我的').click()
  await card(door, '工作台').click()
  await card(door, '检票').click()
  await field(door, '票码（T 开头）或预约码（B 开头）').fill(code)
  await button(door, '检票').click()
  const answer = door.locator('.zg-door-answer:visible')
  await answer.getByText('✓ 签到成功').waitFor()
  expect(((await answer.locator('.zg-door-answer__name').textContent()) ?? '').trim()).toBe('王*国')
  expect(((await answer.locator('.zg-door-answer__party').textContent()) ?? '').trim()).toBe(
    kept.table,
  )
  expect(await answer.textContent()).toContain(`${kept.date} ${kept.start}–${kept.end}`)
  await snap(door, 'booking-checked-in')
  await door.context().close()

  await page.reload()
  const checked = await bookingCard(page, kept.date, kept.start, '已签到')
  expect(await checked.textContent()).toContain('已于 13:55 签到')
  expect(await checked.locator('.zg-ticket-qr').count()).toBe(0)
  expect((await bookingAt(kept.date, kept.start))?.status).toBe('checkedIn')
  await snap(page, 'booking-mine-checked-in')
  await page.context().close()
})

test('two bookings left empty are 爽约 ×2: the ban refuses his next booking and signup', async () => {
  const before = await credit()
  expect((before?.noShows as unknown[] | undefined) ?? []).toHaveLength(0)

  // One a day, under the limit: D2 (open since D1 12:00), then D3 once it opened.
  const page = await phoneNow()
  await actAs(page, demo.cloud.url, '王建国')
  await bookInApp(page, D(2), '14:00')
  await leaveEmpty(D(2), '14:00')
  await syncClock(page)

  await actAs(page, demo.cloud.url, '王建国')
  await bookInApp(page, D(3), '14:00')
  await leaveEmpty(D(3), '14:00')
  await syncClock(page)

  const record = await credit()
  expect(record?.noShows).toHaveLength(2)
  const until = new Date(record?.bannedUntil as string | Date)
  expect(until.getTime()).toBeGreaterThan(atLocal(D(30)).getTime())
  const banned = `因爽约暂停预约，${whenText(until)}起可再次预约`

  await openMyBookings(page)
  for (const date of [D(2), D(3)]) {
    const noShow = await bookingCard(page, date, '14:00', '爽约')
    expect(await noShow.textContent()).toContain('未在签到时间内签到，记爽约一次')
  }
  await snap(page, 'booking-no-shows')

  // D4 opened at D3 12:00; the grid offers its slots, the booking is refused with the ban.
  await actAs(page, demo.cloud.url, '王建国')
  await openVenue(page)
  await chooseDay(page, D(4))
  await pickSlot(page, '14:00')
  const refused = await confirmBooking(page)
  await refused.getByText('预约未成功').waitFor()
  expect(((await refused.locator('.zg-answer__message').textContent()) ?? '').trim()).toBe(banned)
  await snap(page, 'booking-banned')
  expect(await bookingAt(D(4), '14:00')).toBeUndefined()

  // The same ban keeps him out of activities (山水相依 takes entries until D3 20:00).
  await actAs(page, demo.cloud.url, '王建国')
  await tab(page, '活动').click()
  const listed = page
    .locator('.taro_page[id^="/pages/activities/index"] .zg-card:visible', { hasText: SHOW })
    .first()
  await listed.waitFor()
  await listed.click()
  await button(page, '提交报名（参加抽签）').click()
  await page.locator('.zg-answer:visible', { hasText: '因爽约暂停报名' }).waitFor()
  expect(await page.locator('.zg-answer:visible').textContent()).toContain(
    `${whenText(until).split(' ')[0]}`,
  )
  // The refusal is toasted too, where the finger is; the screenshot wants the panel.
  // (Taro's toast box has no size of its own, so Playwright calls it hidden all along.)
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every(
      (el) => el.style.display === 'none',
    ),
  )
  await snap(page, 'booking-banned-signup')

  // 我的 says it before any tap, with the same end.
  await actAs(page, demo.cloud.url, '王建国')
  await tab(page, '我的').click()
  const notice = card(page, '暂停预约与报名')
  await notice.waitFor()
  expect(await notice.textContent()).toContain(`${whenText(until)}前不能预约场地或报名活动`)
  await snap(page, 'me-banned')
  await page.context().close()
})
