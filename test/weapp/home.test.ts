/**
 * The home page of the COMPILED mini-program (dist/weapp) in miniprogram-simulate, its data
 * from the local cloud: the api function and the seeded notices are real; only `wx` is a
 * stand-in, and `wx.cloud` is the mocked edge that forwards to the local cloud.
 */
import { startCloud, type TestCloud } from '../helpers/cloud'
import { ensureWeappBuild, installGlobals, type Harness, type SimulatedComponent } from './harness'
import { identityOf, wxCloudStandIn } from './cloud-edge'
import { succeeding, systemInfo } from './wx-stub'

const PINNED = '省职工服务中心近期公益活动报名通知'
const PUBLISHED = ['乒乓球场地预约', '杂技剧《山水相依》']
const NOT_YET = ['"六月风荷"行香茶会', '杂技儿童剧《森林奇境》'] // scheduled, draft

let cloud: TestCloud
let harness: Harness
let wxCloud: ReturnType<typeof wxCloudStandIn>
const navigateTo = succeeding('navigateTo')

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the page')
    await harness.simulate.sleep(50)
  }
}

function cardTitles(page: SimulatedComponent): string[] {
  return page.querySelectorAll('.zg-card__title').map((c) => c.dom.textContent ?? '')
}

beforeAll(async () => {
  ensureWeappBuild()
  cloud = await startCloud({ seed: true })
  wxCloud = wxCloudStandIn(cloud, await identityOf(cloud, 'member'))
  // Taro's template nesting logs "template not found" for depths it never renders.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  harness = installGlobals({
    cloud: wxCloud,
    navigateTo,
    showToast: succeeding('showToast'),
    stopPullDownRefresh: succeeding('stopPullDownRefresh'),
    getSystemInfoSync: systemInfo,
  })
}, 300_000)

afterAll(async () => {
  await cloud?.stop()
})

describe('首页 on the compiled weapp build', () => {
  let page: SimulatedComponent

  beforeAll(async () => {
    page = harness.openPage('pages/home/index')
    await waitFor(() => cardTitles(page).length > 0)
  })

  it('asks the api function for the notice list through wx.cloud', () => {
    expect(wxCloud.init).toHaveBeenCalled()
    expect(wxCloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'api',
        data: expect.objectContaining({ action: 'notice.list' }),
      }),
    )
  })

  it('renders the seeded published notices, the pinned one first', () => {
    const titles = cardTitles(page)
    expect(titles[0]).toBe(PINNED)
    expect(titles).toEqual(expect.arrayContaining(PUBLISHED))
    for (const hidden of NOT_YET) expect(titles).not.toContain(hidden)
    expect(page.dom.textContent).toContain('置顶')
    expect(page.dom.textContent).toContain('浙江省职工服务中心')
  })

  it('opens the notice detail page on a tap', async () => {
    const first = page.querySelectorAll('.zg-card')[0]
    first.dispatchEvent('tap')
    await waitFor(() => navigateTo.mock.calls.length > 0)
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/notice/detail/index?id=notice-events' }),
    )
  })
})
