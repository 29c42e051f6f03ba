import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { startCloud, type TestCloud } from '../helpers/cloud'

export const SCREENSHOTS = join(__dirname, 'screenshots')

/** Debian's Chromium, as installed by .ci/run; Playwright cannot download a browser here. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A phone-sized page (390×844) whose every visit is kept as a screenshot. */
export async function phone(browser: Browser): Promise<Page> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return context.newPage()
}

let shots = 0

/** Waits for Taro's page transition and pending requests to settle, then saves a screenshot. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400)
  shots += 1
  // Named after the suite too: each test file counts from 1.
  const suite = basename(expect.getState().testPath ?? 'e2e', '.test.ts')
  await page.screenshot({
    path: join(SCREENSHOTS, `${suite}-${String(shots).padStart(2, '0')}-${name}.png`),
  })
}

/** Picks a dev identity on the local cloud's switcher page, which then opens the app. */
export async function actAs(page: Page, cloudUrl: string, name: string): Promise<void> {
  await page.goto(`${cloudUrl}/dev`)
  await page.getByText(name, { exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dev'))
}

/** A NutUI button on the page now showing (Taro H5 keeps earlier pages, hidden, in the DOM). */
export function button(page: Page | Locator, text: string) {
  return page.locator('.nut-button:visible').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
}

/** Taro H5 renders <Input>/<Textarea> as custom elements around the native control. */
export function field(page: Page, placeholder: string) {
  return page.locator(
    `input[placeholder="${placeholder}"]:visible, textarea[placeholder="${placeholder}"]:visible`,
  )
}

/** A card on the page now showing, by its exact title. */
/**
 * One page of the H5 stack by its path. While a navigation animates, the page below still shows,
 * so a control both pages have (取消预约 on a list and on its detail) needs the page named.
 */
export function onPage(page: Page, path: string): Locator {
  return page.locator(`.taro_page[id^="${path}"]`)
}

export function card(page: Page, title: string) {
  return page.locator('.zg-card:visible').filter({
    has: page.locator('.zg-card__title', { hasText: new RegExp(`^${title}$`) }),
  })
}

export interface DemoSession {
  readonly cloud: TestCloud
  readonly browser: Browser
}

/**
 * One local cloud on the demo data and one Chromium for a whole suite: started before its
 * first test, stopped after its last.
 */
export function demoSession(): DemoSession {
  let cloud: TestCloud | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    cloud = await startCloud({ seed: true })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await cloud?.stop()
  })
  return {
    get cloud() {
      if (!cloud) throw new Error('the local cloud has not started')
      return cloud
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started')
      return browser
    },
  }
}

interface Reply<T> {
  ok: boolean
  data?: T
  error?: { code: string; message: string }
}

/**
 * The api function called as any identity, behind the browser's back: what a test sets up or
 * checks that a member's screen does not show (staff taking a phone call, a code from a list).
 */
export function apiAs(demo: DemoSession) {
  return async function api<T>(action: string, payload: unknown, openid: string): Promise<T> {
    const reply = (await demo.cloud.fn('api', { action, payload }, openid)) as Reply<T>
    if (!reply.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(reply.error)}`)
    return reply.data as T
  }
}
