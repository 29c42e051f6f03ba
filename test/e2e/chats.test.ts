import type { Locator, Page } from 'playwright-core'
import type { MyBooking, Page as ListPage } from '../../cloudfunctions/contract'
import { actAs, apiAs, button, card, demoSession, onPage, phone, snap } from './browser'

/**
 * Checking where one stands from WeChat itself, in a real browser over the H5 build on the demo
 * data (issue 11's "done when"), through the local cloud's 微信 page:
 *
 * 1. 王建国 signs up for the first-come tea (the H5 demo takes the consent dialog as allowed and
 *    says so) → 微信 shows the 报名结果 subscription message sent to him → tapping it, whoever
 *    the browser was acting as, opens his entry's status page as him: 报名成功, the ticket, the
 *    action. He shares the page; opened by 李秀英 it shows the status with no ticket and no action.
 * 2. 王建国 shares his table booking → 微信 shows the card → opened as 李秀英 it shows the
 *    venue, time, table and status, and no action, no code, nothing of his.
 *
 * One cloud for the file: the tests build on each other, in this order.
 */
const demo = demoSession()

const TEA = '"六月风荷"行香茶会'
const WANG = { openid: 'dev-member-1', name: '王建国', phone: '13800000001' }
const LI = { openid: 'dev-member-2', name: '李秀英' }

const api = apiAs(demo)

/** A tab of the bottom bar (the page title may carry the same word). */
function tab(page: Page, name: string) {
  return page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
}

/** The dev identity the H5 app calls the cloud as (what /dev and 微信 set). */
function identity(page: Page): Promise<string | null> {
  return page.evaluate(() => window.localStorage.getItem('zg-dev-openid'))
}

/** 微信: the local cloud's page of what was "sent to WeChat", newest first. */
async function openWechat(page: Page): Promise<void> {
  await page.goto(`${demo.cloud.url}/dev/wechat`)
  await page.locator('#list .card, #list .empty').first().waitFor()
}

/** The newest item of a kind on 微信 that shows `text` (the page polls every 5 s). */
async function chatItem(page: Page, kind: 'subscribe' | 'share', text: string): Promise<Locator> {
  const item = page.locator(`#list .card[data-kind="${kind}"]`, { hasText: text }).first()
  await item.waitFor({ timeout: 15_000 })
  return item
}

/** Opens a share card on 微信 as the identity of `name`, the way someone in the chat taps it. */
async function openShareAs(page: Page, item: Locator, name: string): Promise<void> {
  const picker = item.locator('select.opener')
  const value = await picker.locator('option', { hasText: name }).first().getAttribute('value')
  await picker.selectOption(value ?? '')
  await item.locator('a.open').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dev'))
}

test('sign up → 微信 shows the message → tapping it opens the entry’s status as its member', async () => {
  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, WANG.name)
  await tab(page, '活动').click()
  const listed = page
    .locator('.taro_page[id^="/pages/activities/index"] .zg-card:visible', { hasText: TEA })
    .first()
  await listed.waitFor()
  await listed.click()
  await page.locator('.zg-card__title:visible', { hasText: '我要报名' }).waitFor()
  await button(page, '提交报名').click()
  await page.locator('.zg-answer__title:visible', { hasText: '✓ 报名成功' }).waitFor()
  // What WeChat will tell him from now on, and that the browser stood in for WeChat's dialog.
  const consent = page.locator('.zg-consent:visible')
  expect(await consent.locator('.zg-consent__line').textContent()).toBe(
    '微信通知 · 已订阅：报名结果、活动提醒',
  )
  expect(await consent.textContent()).toContain('本地演示')
  await snap(page, 'signed-up')

  // Someone else is using the browser now: the message still opens as the member it went to.
  await actAs(page, demo.cloud.url, '陈立')
  await openWechat(page)
  const message = await chatItem(page, 'subscribe', TEA)
  const said = (await message.textContent()) ?? ''
  expect(said).toContain('报名结果通知')
  expect(said).toContain(`发给 ${WANG.name}`)
  expect(said).toContain('报名成功')
  await snap(page, 'wechat-message')

  await message.click()
  await page.waitForURL((url) => url.hash.startsWith('#/activity/entry/index?id='))
  const mine = card(page, '我的报名')
  await mine.waitFor()
  expect(await identity(page)).toBe(WANG.openid)
  await mine.locator('.zg-ticket-qr__image').waitFor()
  expect(await mine.textContent()).toContain('报名成功')
  await button(page, '取消报名').waitFor()
  await page.locator('.zg-entry-page__title:visible', { hasText: TEA }).waitFor()
  await snap(page, 'entry-as-owner')

  // He shares the page into the family chat; 李秀英 opens it there.
  await button(page, '分享给好友').click()
  await page.getByText('已分享到微信（本地演示）').waitFor()
  await openWechat(page)
  const shared = await chatItem(page, 'share', `我已报名《${TEA}》`)
  expect(await shared.textContent()).toContain(`${WANG.name} 分享`)
  await snap(page, 'wechat-entry-card')
  await openShareAs(page, shared, LI.name)
  const status = card(page, '报名状态')
  await status.waitFor()
  expect(await identity(page)).toBe(LI.openid)
  expect(await status.textContent()).toContain('报名成功')
  const seen = (await page.locator('.taro_page:visible').last().textContent()) ?? ''
  expect(seen).not.toContain(WANG.name)
  expect(seen).not.toContain('电子票')
  expect(await page.locator('.zg-ticket-qr:visible').count()).toBe(0)
  expect(await button(page, '取消报名').count()).toBe(0)
  await button(page, '查看活动').waitFor()
  await snap(page, 'entry-as-friend')
  await page.context().close()
})

test('a booking card shared by 王建国, opened as another member, shows the status and no action', async () => {
  const booked = (await api<ListPage<MyBooking>>('booking.mine', {}, WANG.openid)).items.find(
    (b) => b.status === 'booked',
  )
  if (!booked) throw new Error('the demo gives 王建国 no booking to share')

  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, WANG.name)
  await tab(page, '我的').click()
  await card(page, '我的预约').click()
  await page.getByText('查看详情或分享给球友 ›').first().click()
  const detail = onPage(page, '/venue/booking/index')
  await button(detail, '取消预约').waitFor()
  await button(detail, '分享给球友').click()
  await page.getByText('已分享到微信（本地演示）').waitFor()

  await openWechat(page)
  const shared = await chatItem(page, 'share', booked.venueName)
  const title = (await shared.locator('.name').textContent()) ?? ''
  expect(title).toContain(booked.resourceName)
  expect(title).not.toContain(WANG.name)
  await snap(page, 'wechat-booking-card')

  await openShareAs(page, shared, LI.name)
  const status = card(page, '预约状态')
  await status.waitFor()
  expect(await identity(page)).toBe(LI.openid)
  const seen = (await status.textContent()) ?? ''
  expect(seen).toContain(booked.venueName)
  expect(seen).toContain(booked.resourceName)
  expect(seen).toContain(`${booked.start}–${booked.end}`)
  expect(seen).toContain(booked.statusText)
  expect(seen).not.toContain(WANG.name)
  expect(seen).not.toContain(WANG.phone)
  expect(seen).not.toContain(String(booked.code))
  expect(await page.locator('.zg-ticket-qr:visible').count()).toBe(0)
  expect(await button(page, '取消预约').count()).toBe(0)
  expect(await button(page, '分享给球友').count()).toBe(0)
  await button(page, '我也去预约场地').waitFor()
  await snap(page, 'booking-as-friend')
  await page.context().close()
})
