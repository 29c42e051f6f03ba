import { startCloud, type TestCloud } from '../helpers/cloud'
import { ensureWeappBuild, installGlobals, type Harness, type SimulatedComponent } from './harness'
import { identityOf, wxCloudStandIn } from './cloud-edge'
import { succeeding, systemInfo } from './wx-stub'

export interface Booted {
  cloud: TestCloud
  harness: Harness
  wxCloud: ReturnType<typeof wxCloudStandIn>
  navigateTo: ReturnType<typeof succeeding>
  navigateBack: ReturnType<typeof succeeding>
  showToast: ReturnType<typeof succeeding>
  waitFor(check: () => boolean, ms?: number): Promise<void>
  texts(page: SimulatedComponent, selector: string): string[]
}

/**
 * One jest file = one app launch: the local cloud with its demo data, the compiled app.js
 * launched, and `wx.cloud` forwarding as the seeded identity with `role`.
 */
export async function bootWeapp(role: string): Promise<Booted> {
  ensureWeappBuild()
  const cloud = await startCloud({ seed: true })
  const wxCloud = wxCloudStandIn(cloud, await identityOf(cloud, role))
  const navigateTo = succeeding('navigateTo')
  const navigateBack = succeeding('navigateBack')
  const showToast = succeeding('showToast')
  // Taro's template nesting logs "template not found" for depths it never renders.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const harness = installGlobals({
    cloud: wxCloud,
    navigateTo,
    navigateBack,
    showToast,
    stopPullDownRefresh: succeeding('stopPullDownRefresh'),
    getSystemInfoSync: systemInfo,
  })
  return {
    cloud,
    harness,
    wxCloud,
    navigateTo,
    navigateBack,
    showToast,
    async waitFor(check, ms = 10_000) {
      const until = Date.now() + ms
      while (!check()) {
        if (Date.now() > until) throw new Error('timed out waiting for the page')
        await harness.simulate.sleep(50)
      }
    },
    texts(page, selector) {
      return page.querySelectorAll(selector).map((c) => c.dom.textContent ?? '')
    },
  }
}

/** Building the app and starting the cloud can take a while on a busy machine. */
export const BOOT_TIMEOUT_MS = 300_000
