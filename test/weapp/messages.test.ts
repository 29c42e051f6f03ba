/**
 * 消息 on the COMPILED weapp build: the real api function and local cloud answer; `wx` is a
 * stand-in that records navigation and the 我的 tab's badge. Messages are put in the database
 * as the functions' jobs post them (domain/message builders, deterministic ids).
 */
import { demoData } from '../../cloud/seed'
import {
  drawWaitlistedMessage,
  drawWonMessage,
  messageFrom,
  offerMessage,
  type MessageRecord,
} from '../../cloudfunctions/domain/message'
import { startCloud, type TestCloud } from '../helpers/cloud'
import { identityOf, wxCloudStandIn } from './cloud-edge'
import { BOOT_TIMEOUT_MS } from './boot'
import { ensureWeappBuild, installGlobals, type Harness, type SimulatedComponent } from './harness'
import { succeeding, systemInfo } from './wx-stub'

const HOUR = 3_600_000
const memberId = String(demoData(new Date()).collections.members[0]._id)

let cloud: TestCloud
let wxCloud: ReturnType<typeof wxCloudStandIn>
let harness: Harness
const navigateTo = succeeding('navigateTo')
const setTabBarBadge = succeeding('setTabBarBadge')
const removeTabBarBadge = succeeding('removeTabBarBadge')

/** A fresh launch: a page's chunk runs once per launch, so each page opening gets its own. */
function launch(): void {
  jest.resetModules()
  harness = installGlobals({
    cloud: wxCloud,
    navigateTo,
    switchTab: succeeding('switchTab'),
    showToast: succeeding('showToast'),
    setTabBarBadge,
    removeTabBarBadge,
    stopPullDownRefresh: succeeding('stopPullDownRefresh'),
    getSystemInfoSync: systemInfo,
  })
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the page')
    await harness.simulate.sleep(50)
  }
}

async function open(route: string, ready: string): Promise<SimulatedComponent> {
  launch()
  const page = harness.openPage(route)
  await waitFor(() => (page.dom.textContent ?? '').includes(ready))
  return page
}

const texts = (page: SimulatedComponent, selector: string) =>
  page.querySelectorAll(selector).map((c) => c.dom.textContent ?? '')

/** Posts messages for the dev member, `hoursAgo` apart, straight into the database. */
async function post(records: MessageRecord[]): Promise<void> {
  await cloud.app().database().collection('messages').add(records)
}

const facts = (n: number) => ({
  entryId: `e_weapp_${n}`,
  activityId: `a_weapp_${n}`,
  activityTitle: `消息页测试活动${n}`,
  sessionStartAt: new Date(Date.now() + 72 * HOUR),
})
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR)

async function unreadInDb(): Promise<number> {
  const res = (await cloud
    .app()
    .database()
    .collection('messages')
    .where({ memberId, readAt: null })
    .count()) as { total: number }
  return res.total
}

beforeAll(async () => {
  ensureWeappBuild()
  cloud = await startCloud({ seed: true })
  wxCloud = wxCloudStandIn(cloud, await identityOf(cloud, 'member'))
  // The demo told the dev member of the opera's draw: this suite starts from an empty list.
  await cloud.app().database().collection('messages').where({ memberId }).remove()
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await cloud?.stop()
})

describe('消息 on the compiled weapp build', () => {
  it('says 暂无消息 when there are none', async () => {
    const page = await open('message/list/index', '暂无消息')
    expect(page.dom.textContent).not.toContain('全部已读')
  })

  it('lists messages newest first, unread ones said in words', async () => {
    await post([
      messageFrom({ memberId, ...drawWaitlistedMessage({ ...facts(1), position: 2 }) }, at(3)),
      messageFrom(
        { memberId, ...drawWonMessage({ ...facts(2), partySize: 1, confirmBy: null }) },
        at(2),
      ),
      messageFrom(
        { memberId, ...offerMessage({ ...facts(3), deadline: at(-12), partySize: 1 }) },
        at(1),
      ),
    ])
    const page = await open('message/list/index', '消息页测试活动3')
    await waitFor(() => (page.dom.textContent ?? '').includes('3 条未读消息'))
    expect(texts(page, '.zg-card__title')).toEqual([
      '递补名额：消息页测试活动3',
      '已中签：消息页测试活动2',
      '候补中：消息页测试活动1',
    ])
    const cards = texts(page, '.zg-card')
    expect(cards.every((c) => c.includes('未读'))).toBe(true)
    expect(cards[2]).toContain('候补第2位')

    // A tap reads it and opens its page.
    page.querySelectorAll('.zg-card')[1].dispatchEvent('tap')
    await waitFor(() => navigateTo.mock.calls.length > 0)
    expect(navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/activity/entry/index?id=e_weapp_2' }),
    )
    await waitFor(() => !(texts(page, '.zg-card')[1] ?? '').includes('未读'))
    expect(texts(page, '.zg-card')[0]).toContain('未读')
    await waitFor(() => (page.dom.textContent ?? '').includes('2 条未读消息'))
    expect(await unreadInDb()).toBe(2)

    // 全部已读.
    const all = page
      .querySelectorAll('.nut-button')
      .find((b) => (b.dom.textContent ?? '') === '全部已读')
    expect(all).toBeDefined()
    all?.dispatchEvent('tap')
    await waitFor(() => (page.dom.textContent ?? '').includes('没有未读消息'))
    expect(texts(page, '.zg-card').some((c) => c.includes('未读'))).toBe(false)
    expect(await unreadInDb()).toBe(0)
  })

  it('shows the unread count on 我的 and as the 我的 tab badge, and leads to 消息', async () => {
    await post([
      messageFrom({ memberId, ...drawWaitlistedMessage({ ...facts(4), position: 1 }) }, at(0.5)),
      messageFrom(
        { memberId, ...drawWonMessage({ ...facts(5), partySize: 2, confirmBy: null }) },
        at(0.2),
      ),
    ])
    setTabBarBadge.mockClear()
    const me = await open('pages/me/index', '消息')
    await waitFor(() => texts(me, '.zg-card').some((c) => c.includes('2 条未读')))
    await waitFor(() => setTabBarBadge.mock.calls.length > 0)
    expect(setTabBarBadge).toHaveBeenLastCalledWith(
      expect.objectContaining({ index: 3, text: '2' }),
    )

    navigateTo.mockClear()
    const titles = texts(me, '.zg-card__title')
    me.querySelectorAll('.zg-card')[titles.indexOf('消息')].dispatchEvent('tap')
    await waitFor(() => navigateTo.mock.calls.length > 0)
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/message/list/index' }))
  })

  it('takes the badge away on a tab page once all are read', async () => {
    await cloud
      .app()
      .database()
      .collection('messages')
      .where({ memberId, readAt: null })
      .update({ readAt: new Date() })
    removeTabBarBadge.mockClear()
    await open('pages/home/index', '省职工服务中心')
    await waitFor(() => removeTabBarBadge.mock.calls.length > 0)
    expect(removeTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ index: 3 }))
  })
})
