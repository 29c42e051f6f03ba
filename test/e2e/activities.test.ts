import type { Page } from 'playwright-core'
import { actAs, button, demoSession, field, phone, snap } from './browser'

/**
 * Activities in a real browser over the H5 build, on the demo data: 王建国 enters the 山水相依
 * lottery, edits that entry and withdraws it, takes a seat at the first-come tea, and finds
 * both in 我的报名. The lottery comes first: a tea seat counts toward 山水相依's one-a-month cap.
 */
const demo = demoSession()

const TEA = '"六月风荷"行香茶会'
const SHOW = '杂技剧《山水相依》'

/** A tab of the bottom bar (the page title may carry the same word). */
function tab(page: Page, name: string) {
  return page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
}

async function openActivity(page: Page, title: string): Promise<void> {
  await tab(page, '活动').click()
  // Only inside the 活动 page: 首页's notices name the same shows and may still be visible.
  const card = page
    .locator('.taro_page[id^="/pages/activities/index"] .zg-card:visible', { hasText: title })
    .first()
  await card.waitFor()
  await card.click()
  await page.locator('.zg-card__title:visible', { hasText: '我要报名' }).waitFor()
}

/** Answers yes in Taro H5's modal, by its confirm button's text. */
async function confirmWith(page: Page, text: string): Promise<void> {
  const dialog = page.locator('.taro-modal__content')
  await dialog.waitFor()
  await dialog.locator('.taro-modal__foot').getByText(text, { exact: true }).click()
}

test('王建国 enters the 山水相依 lottery, edits the entry and withdraws it', async () => {
  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, '王建国')
  await openActivity(page, SHOW)
  await snap(page, 'show-detail')
  await button(page, '提交报名（参加抽签）').click()
  await page.locator('.zg-answer__title:visible', { hasText: '已登记，等待抽签' }).waitFor()
  await snap(page, 'show-entered')

  await button(page, '修改报名').click()
  await page.locator('.nut-button:visible', { hasText: '添加同行人' }).click()
  await field(page, '同行人姓名').fill('王小红')
  await snap(page, 'show-edit-form')
  await button(page, '保存修改').click()
  await page.locator('.zg-answer__title:visible', { hasText: '已保存修改，等待抽签' }).waitFor()
  expect(await page.locator('.zg-answer:visible').textContent()).toContain('王小红')
  await snap(page, 'show-edited')

  await button(page, '撤回报名').click()
  await confirmWith(page, '撤回')
  await page.locator('.zg-card__title:visible', { hasText: '我要报名' }).waitFor()
  await snap(page, 'show-withdrawn')
  await page.context().close()
})

test('王建国 signs up for the first-come tea and gets 报名成功 on the same screen', async () => {
  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, '王建国')
  await tab(page, '活动').click()
  await page.locator('.zg-card:visible', { hasText: TEA }).first().waitFor()
  await snap(page, 'activities-tab')

  await openActivity(page, TEA)
  await snap(page, 'tea-detail')
  await button(page, '提交报名').click()
  await page.locator('.zg-answer__title:visible', { hasText: '报名成功' }).waitFor()
  await snap(page, 'tea-signed-up')
  expect(await page.locator('.zg-answer:visible').textContent()).toContain('名额已为您保留')
  await page.context().close()
})

test('我的报名 lists the tea as 报名成功 and the withdrawn lottery entry as 已取消', async () => {
  const page = await phone(demo.browser)
  await actAs(page, demo.cloud.url, '王建国')
  await tab(page, '我的').click()
  await page.getByText('我的报名', { exact: true }).first().click()
  const tea = page.locator('.zg-card:visible', { hasText: TEA }).first()
  await tea.waitFor()
  expect(await tea.textContent()).toContain('报名成功')
  const show = page.locator('.zg-card:visible', { hasText: SHOW }).first()
  expect(await show.textContent()).toContain('已取消')
  await snap(page, 'my-entries')
  await page.context().close()
})
