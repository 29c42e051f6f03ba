import type { Page } from 'playwright-core'
import { actAs as actAsOn, button, field, demoSession, phone, snap } from './browser'

/**
 * The notices slice in a real browser, over the H5 build served by the local cloud:
 * a staff member writes and publishes a notice, a member then finds it on 首页.
 */
const demo = demoSession()

function actAs(page: Page, name: string): Promise<void> {
  return actAsOn(page, demo.cloud.url, name)
}

/** A 1×1 PNG: enough for storage to carry a real image from staff to members. */
const POSTER = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)

const TITLE = '十二月职工书法讲座报名通知'
const BODY = '报名时间：12月1日起。报名对象：我省工会会员。地点：省职工服务中心三楼展厅。'

test('a member opens the app on the seeded notices, pinned first', async () => {
  const page = await phone(demo.browser)
  await page.goto(`${demo.cloud.url}/`)
  const cards = page.locator('.zg-card__title:visible')
  await cards.first().waitFor()
  await snap(page, 'member-home')
  const titles = await page.locator('.zg-card__title:visible').allTextContents()
  expect(titles[0]).toBe('省职工服务中心近期公益活动报名通知')
  expect(titles).toContain('乒乓球场地预约')
  // The draft (森林奇境) and the scheduled tea party are not for members yet.
  expect(titles.join()).not.toMatch(/森林奇境|行香茶会/)
  await page.context().close()
})

test('staff publish a notice from 我的 → 工作台; a member sees it on 首页 and opens it', async () => {
  const staff = await phone(demo.browser)
  await actAs(staff, '陈立')
  await staff.getByText('我的', { exact: true }).click()
  await staff.getByText('工作台', { exact: true }).waitFor()
  await snap(staff, 'staff-me')

  await staff.getByText('工作台', { exact: true }).click()
  await staff.locator('.zg-card__title:visible', { hasText: /^公告$/ }).waitFor()
  await snap(staff, 'staff-hub')
  await staff.locator('.zg-card__title:visible', { hasText: /^公告$/ }).click()
  await staff.getByText('新建公告', { exact: true }).waitFor()
  await staff.locator('.zg-card__title:visible').first().waitFor()
  await snap(staff, 'staff-notices')

  await button(staff, '新建公告').click()
  await field(staff, '不超过60个字').waitFor()
  await field(staff, '不超过60个字').fill(TITLE)
  await field(staff, '报名时间、对象、地点等').fill(BODY)
  const [chooser] = await Promise.all([
    staff.waitForEvent('filechooser'),
    button(staff, '上传海报').click(),
  ])
  await chooser.setFiles({ name: 'poster.png', mimeType: 'image/png', buffer: POSTER })
  await staff.locator('.zg-field img:visible').first().waitFor()
  await snap(staff, 'staff-edit')

  await button(staff, '发布').click()
  // Publishing is what members notice: it asks first.
  const dialog = staff.locator('.taro-modal__content')
  await dialog.getByText('发布公告').waitFor()
  await snap(staff, 'staff-confirm-publish')
  await dialog.locator('.taro-modal__foot').getByText('发布', { exact: true }).click()
  await staff.locator('.nut-tag-text:visible', { hasText: /^已发布$/ }).waitFor()
  await snap(staff, 'staff-published')
  await staff.context().close()

  const member = await phone(demo.browser)
  await actAs(member, '王建国')
  await member.getByText(TITLE).waitFor()
  await snap(member, 'member-home-new-notice')
  await member.locator('.zg-card__title:visible', { hasText: TITLE }).click()
  await member.locator('.zg-notice__body:visible', { hasText: BODY }).waitFor()
  // The poster comes back through cloud storage as a temporary URL the local cloud serves.
  const poster = member.locator('.zg-notice__poster:visible img')
  await poster.waitFor()
  await member.waitForFunction(
    (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
    await poster.elementHandle(),
  )
  expect(await poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
  await snap(member, 'member-notice-detail')

  // 分享 sends a card "to WeChat"; the local cloud's 微信 page shows it, and tapping it opens
  // the notice the way a chat would.
  await button(member, '分享').click()
  await member.goto(`${demo.cloud.url}/dev/wechat`)
  const shared = member.locator('#list .card[data-kind="share"]', { hasText: TITLE }).first()
  await shared.waitFor()
  await snap(member, 'wechat-share-card')
  // Opened by its sender, the picker's first choice.
  await shared.locator('a.open').click()
  await member.locator('.zg-notice__body:visible', { hasText: BODY }).waitFor()
  expect(member.url()).toContain('notice/detail/index')
  await snap(member, 'notice-opened-from-chat')
  await member.context().close()
})

test('a member has no 工作台 and cannot reach staff actions', async () => {
  const member = await phone(demo.browser)
  await actAs(member, '王建国')
  await member.getByText('我的', { exact: true }).click()
  await member.getByText('已认证会员').waitFor()
  await snap(member, 'member-me')
  expect(await member.getByText('工作台', { exact: true }).count()).toBe(0)
  await member.context().close()

  const reply = await demo.cloud.fn(
    'api',
    { action: 'notice.manageList', payload: {} },
    'dev-member-1',
  )
  expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
