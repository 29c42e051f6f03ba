/**
 * The home page of the COMPILED mini-program (dist/weapp) in miniprogram-simulate, its data
 * from the local cloud: the api function and the seeded notices are real; only `wx` is a
 * stand-in, and `wx.cloud` is the mocked edge that forwards to the local cloud.
 */
import type { SimulatedComponent } from './harness'
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

const PINNED = '省职工服务中心近期公益活动报名通知'
const PUBLISHED = ['乒乓球场地预约', '杂技剧《山水相依》']
const NOT_YET = ['"六月风荷"行香茶会', '杂技儿童剧《森林奇境》'] // scheduled, draft

let app: Booted
let page: SimulatedComponent

beforeAll(async () => {
  app = await bootWeapp('member')
  page = app.harness.openPage('pages/home/index')
  await app.waitFor(() => app.texts(page, '.zg-card__title').length > 0)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

describe('首页 on the compiled weapp build', () => {
  it('asks the api function for the notice list through wx.cloud', () => {
    expect(app.wxCloud.init).toHaveBeenCalled()
    expect(app.wxCloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'api',
        data: expect.objectContaining({ action: 'notice.list' }),
      }),
    )
  })

  it('renders the seeded published notices, the pinned one first', () => {
    const titles = app.texts(page, '.zg-card__title')
    expect(titles[0]).toBe(PINNED)
    expect(titles).toEqual(expect.arrayContaining(PUBLISHED))
    for (const hidden of NOT_YET) expect(titles).not.toContain(hidden)
    expect(page.dom.textContent).toContain('置顶')
    expect(page.dom.textContent).toContain('浙江省职工服务中心')
  })

  it('opens the notice detail page on a tap', async () => {
    page.querySelectorAll('.zg-card')[0].dispatchEvent('tap')
    await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
    expect(app.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/notice/detail/index?id=notice-events' }),
    )
  })
})
