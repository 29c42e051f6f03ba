import type { ActivityFields, ManagedActivity } from '../../cloudfunctions/contract'
import { startCloud, type TestCloud } from '../helpers/cloud'
import { identityOf, wxCloudStandIn } from './cloud-edge'
import { ensureWeappBuild, installGlobals, type Harness, type SimulatedComponent } from './harness'
import { succeeding, systemInfo } from './wx-stub'

const HOUR = 3_600_000
let serial = 0

/** An activity's settings relative to now; `opensIn`/`closesIn` in hours (negative = past). */
export function activityFields(
  title: string,
  over: Partial<ActivityFields> & { opensIn?: number; closesIn?: number } = {},
): ActivityFields {
  const { opensIn = -1, closesIn = 48, ...rest } = over
  const now = Date.now()
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString()
  const lottery = rest.allocation === 'lottery'
  return {
    title,
    category: 'tea',
    description: `${title}：测试活动介绍`,
    place: { name: '杭州茗庐茶文化体验馆', address: '杭州市西湖区测试路1号' },
    sessions: [{ startAt: at(closesIn + 72), endAt: at(closesIn + 74), seats: 10 }],
    allocation: 'first-come',
    signupOpensAt: at(opensIn),
    signupClosesAt: at(closesIn),
    drawAt: lottery ? at(closesIn + 24) : null,
    party: { maxSize: 2, family: null },
    eligibility: { winsPerMonth: null },
    cancelCutoffHours: 24,
    ...rest,
  }
}

interface Reply<T> {
  ok: boolean
  data: T
  error?: unknown
}

/** Seeds through the api as staff, as a staff member would: create the draft, then publish it. */
export async function publishActivity(
  cloud: TestCloud,
  staff: string,
  fields: ActivityFields,
): Promise<ManagedActivity> {
  const call = async <T>(action: string, payload: object): Promise<T> => {
    const requestId = `seed-activity-${Date.now()}-${++serial}`
    const reply = (await cloud.fn(
      'api',
      { action, payload: { requestId, ...payload } },
      staff,
    )) as Reply<T>
    if (!reply.ok) throw new Error(`${action}: ${JSON.stringify(reply.error)}`)
    return reply.data
  }
  const draft = await call<ManagedActivity>('activity.create', fields)
  return call<ManagedActivity>('activity.publish', { id: draft.id })
}

export interface ActivityApp {
  cloud: TestCloud
  /** The current launch's harness (a relaunch replaces it). */
  readonly harness: Harness
  wxCloud: ReturnType<typeof wxCloudStandIn>
  navigateTo: ReturnType<typeof succeeding>
  showToast: ReturnType<typeof succeeding>
  showModal: ReturnType<typeof succeeding>
  requestSubscribeMessage: ReturnType<typeof succeeding>
  setClipboardData: ReturnType<typeof succeeding>
  /**
   * Launches the compiled app afresh against the same cloud, the way WeChat starts it again.
   * A page's chunk runs once per launch (webpack marks it installed), so opening the same page
   * a second time needs a new launch: a fresh module registry, app.js and `wx` object.
   */
  relaunch(): void
  /** Opens a compiled page (relaunching first if it was opened already) once `ready` shows. */
  open(route: string, query: Record<string, string>, ready: string): Promise<SimulatedComponent>
  openidOf(role: string): Promise<string>
  /** From now on the app calls its functions as `openid` (a page opened in their WeChat). */
  callAs(openid: string): void
  /**
   * One api call as `openid` behind the app's back, the way the app makes it (a write carries
   * a fresh request id); answers the data, or throws the refusal.
   */
  api<T>(openid: string, action: string, payload: object, write?: boolean): Promise<T>
  waitFor(check: () => boolean, ms?: number): Promise<void>
  texts(page: SimulatedComponent, selector: string): string[]
}

/**
 * boot.ts's launch with more of WeChat's own APIs mocked, which the signup and the draw reach:
 * `showModal` (the confirmation before 取消, answered 确定), `requestSubscribeMessage` (the
 * consent dialog, answered accept) and `setClipboardData` (复制 on the draw record, recorded).
 * Taro binds `wx`'s APIs once at launch, so they must be there from the start. Everything
 * behind `wx.cloud` is the real api function.
 */
export async function bootActivityApp(role: string): Promise<ActivityApp> {
  ensureWeappBuild()
  const cloud = await startCloud({ seed: true })
  const wxCloud = wxCloudStandIn(cloud, await identityOf(cloud, role))
  const navigateTo = succeeding('navigateTo')
  const showToast = succeeding('showToast')
  const showModal = succeeding('showModal', { confirm: true, cancel: false })
  const requestSubscribeMessage = succeeding('requestSubscribeMessage')
  const setClipboardData = succeeding('setClipboardData')
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  // A new object each launch: the webpack runtime keeps its chunk list on `wx` itself.
  const launch = () =>
    installGlobals({
      cloud: wxCloud,
      navigateTo,
      navigateBack: succeeding('navigateBack'),
      showToast,
      showModal,
      requestSubscribeMessage,
      setClipboardData,
      stopPullDownRefresh: succeeding('stopPullDownRefresh'),
      getSystemInfoSync: systemInfo,
    })
  let harness = launch()
  let opened = new Set<string>()
  const waitFor: ActivityApp['waitFor'] = async (check, ms = 10_000) => {
    const until = Date.now() + ms
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out waiting for the page')
      await harness.simulate.sleep(50)
    }
  }
  const relaunch = () => {
    jest.resetModules()
    harness = launch()
    opened = new Set()
  }
  return {
    cloud,
    get harness() {
      return harness
    },
    wxCloud,
    navigateTo,
    showToast,
    showModal,
    requestSubscribeMessage,
    setClipboardData,
    relaunch,
    async open(route, query, ready) {
      if (opened.has(route)) relaunch()
      opened.add(route)
      const page = harness.openPage(route, query)
      await waitFor(() => (page.dom.textContent ?? '').includes(ready))
      return page
    },
    openidOf: (r) => identityOf(cloud, r),
    callAs(openid) {
      wxCloud.callFunction.mockImplementation(async ({ name, data }) => ({
        errMsg: 'cloud.callFunction:ok',
        result: await cloud.fn(name, data, openid),
      }))
    },
    async api<T>(openid: string, action: string, payload: object, write = true) {
      const requestId = `weapp-${process.pid}-${Date.now()}-${++serial}`
      const body = write ? { requestId, ...payload } : payload
      const reply = (await cloud.fn('api', { action, payload: body }, openid)) as {
        ok: boolean
        data: T
        error?: unknown
      }
      if (!reply.ok) throw new Error(`${action}: ${JSON.stringify(reply.error)}`)
      return reply.data
    },
    waitFor,
    texts(page, selector) {
      return page.querySelectorAll(selector).map((c) => c.dom.textContent ?? '')
    },
  }
}

/** The actions the api function was asked for, in order. */
export function actionsCalled(wxCloud: ActivityApp['wxCloud']): string[] {
  return wxCloud.callFunction.mock.calls.map(([o]) => (o.data as { action: string }).action)
}
