/**
 * The 活动 tab of the COMPILED weapp build: the real api function and local cloud answer; only
 * `wx` is a stand-in (wx.cloud forwards to the local cloud, navigation is recorded). The
 * activities are made through the api as staff would make them: create, then publish.
 */
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'
import { identityOf } from './cloud-edge'
import type { SimulatedComponent } from './harness'
import { activityFields, publishActivity } from './activity-fixtures'

const TEA = '活动页测试·先到先得茶会'
const SHOW = '活动页测试·抽签演出'

let app: Booted
let page: SimulatedComponent
let teaId = ''

/** The card (its whole text) whose title is `title`. */
function card(title: string): string | undefined {
  return page
    .querySelectorAll('.zg-card')
    .map((c) => c.dom.textContent ?? '')
    .find((text) => text.includes(title))
}

beforeAll(async () => {
  app = await bootWeapp('member')
  const staff = await identityOf(app.cloud, 'staff')
  teaId = (await publishActivity(app.cloud, staff, activityFields(TEA, { category: 'tea' }))).id
  await publishActivity(
    app.cloud,
    staff,
    activityFields(SHOW, { category: 'show', allocation: 'lottery', opensIn: 24, closesIn: 72 }),
  )
  page = app.harness.openPage('pages/activities/index')
  await app.waitFor(() => app.texts(page, '.zg-card__title').includes(SHOW))
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

describe('活动 tab on the compiled weapp build', () => {
  it('lists activity.list as cards with the phase in words and the next time that matters', () => {
    expect(app.wxCloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ data: expect.objectContaining({ action: 'activity.list' }) }),
    )
    const tea = card(TEA)
    expect(tea).toContain('报名中')
    expect(tea).toContain('茶会 · 先到先得')
    expect(tea).toContain('杭州茗庐茶文化体验馆')
    expect(tea).toMatch(/报名截止 \d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    expect(tea).toMatch(/\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}/)
    const show = card(SHOW)
    expect(show).toContain('即将开放')
    expect(show).toContain('演出 · 抽签')
    expect(show).toMatch(/\d{1,2}月\d{1,2}日 \d{2}:\d{2} 开放报名/)
  })

  it('filters by category and by phase through the chips', async () => {
    const chip = (label: string) =>
      page.querySelectorAll('.zg-chips__chip').find((c) => c.dom.textContent === label)
    chip('演出')?.dispatchEvent('tap')
    await app.waitFor(() => !app.texts(page, '.zg-card__title').includes(TEA))
    expect(app.texts(page, '.zg-card__title')).toContain(SHOW)
    expect(app.texts(page, '.zg-chips__chip')).toContain('✓ 演出')
    expect(app.wxCloud.callFunction).toHaveBeenLastCalledWith(
      expect.objectContaining({
        data: { action: 'activity.list', payload: expect.objectContaining({ category: 'show' }) },
      }),
    )

    // Back to every category (the first row's 全部), then only 报名中.
    chip('全部')?.dispatchEvent('tap')
    chip('报名中')?.dispatchEvent('tap')
    await app.waitFor(() => !app.texts(page, '.zg-card__title').includes(SHOW))
    expect(app.texts(page, '.zg-card__title')).toContain(TEA)
    expect(app.wxCloud.callFunction).toHaveBeenLastCalledWith(
      expect.objectContaining({
        data: { action: 'activity.list', payload: expect.objectContaining({ phase: 'open' }) },
      }),
    )
  })

  it('opens the detail page on a tap', async () => {
    const cards = page.querySelectorAll('.zg-card')
    const i = cards.findIndex((c) => (c.dom.textContent ?? '').includes(TEA))
    cards[i].dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/activity/detail/index?id=${encodeURIComponent(teaId)}` }),
    )
  })
})

describe('我的 on the compiled weapp build', () => {
  it('leads a verified member to 我的报名', async () => {
    const me = app.harness.openPage('pages/me/index')
    await app.waitFor(() => app.texts(me, '.zg-card__title').includes('我的报名'))
    app.navigateTo.mockClear()
    const titles = app.texts(me, '.zg-card__title')
    me.querySelectorAll('.zg-card')[titles.indexOf('我的报名')].dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/activity/entries/index' }),
    )
  })
})
