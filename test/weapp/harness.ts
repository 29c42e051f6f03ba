/**
 * Loads Taro's COMPILED weapp pages (dist/weapp) into miniprogram-simulate. What WeChat would
 * provide is stood in for here: App/getApp/getCurrentPages, Page (as a Component whose
 * attached lifetime runs onLoad/onShow), and `wx` with only the APIs the pages reach.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { JSDOM } from 'jsdom'

export const ROOT = resolve(__dirname, '../..')
export const WEAPP = join(ROOT, 'dist/weapp')

/** The suite is self-contained: without a build it makes one (about 20 s). */
export function ensureWeappBuild(): void {
  if (existsSync(join(WEAPP, 'app.js'))) return
  execFileSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp', '--no-check'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

type Fn = (...args: never[]) => unknown
type Options = Record<string, unknown>
interface PageInstance {
  onLoad?: (query: Record<string, string>) => void
  onShow?: () => void
  onReady?: () => void
}

export interface SimulatedComponent {
  dom: Element
  instance: unknown
  attach(parent: Element): void
  querySelector(selector: string): SimulatedComponent | undefined
  querySelectorAll(selector: string): SimulatedComponent[]
  dispatchEvent(name: string, detail?: Options): void
}

interface Simulate {
  load(path: string, options: { rootPath: string }): string
  render(id: string, properties?: Options): SimulatedComponent
  sleep(ms: number): Promise<void>
}

export interface Harness {
  simulate: Simulate
  /** Renders one compiled page as WeChat would open it with `query`. */
  openPage(route: string, query?: Record<string, string>): SimulatedComponent
}

/** `wx` as the app sees it: the test passes what it wants to observe; the rest are quiet no-ops. */
export function installGlobals(wx: Options): Harness {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>')
  const g = globalThis as unknown as Record<string, unknown>
  g.window = window
  g.document = window.document
  // j-component dispatches jsdom events on jsdom nodes; Node's own Event classes are rejected.
  g.Event = window.Event
  g.CustomEvent = window.CustomEvent
  g.TouchEvent = window.TouchEvent
  g.wx = new Proxy(wx, {
    get: (target, key: string) => (key in target ? target[key] : undefined),
  })

  let app: Options | undefined
  let current: PageInstance | undefined
  g.App = (options: Options) => {
    app = options
  }
  g.getApp = () => app
  g.getCurrentPages = () => (current ? [current] : [])

  // Required after the globals: it reads `window` when loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  const component = g.Component as (options: Options) => void
  let pendingQuery: Record<string, string> = {}

  // WeChat's Page is a Component underneath; Taro's page methods become the component's methods.
  g.Page = (options: Options) => {
    const methods: Record<string, Fn> = {}
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value as Fn
    }
    const query = pendingQuery
    component({
      data: options.data,
      options: options.options,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          // getCurrentPages() must answer this very instance, as WeChat's page stack would.
          // eslint-disable-next-line @typescript-eslint/no-this-alias
          current = this
          this.onLoad?.(query)
          this.onShow?.()
        },
        ready(this: PageInstance) {
          this.onReady?.()
        },
      },
    })
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(WEAPP, 'app.js'))
  const launched = app as
    { onLaunch?: (o: Options) => void; onShow?: (o: Options) => void } | undefined
  if (!launched) throw new Error('dist/weapp/app.js did not call App()')
  launched.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 })
  launched.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 })

  return {
    simulate,
    openPage(route, query = {}) {
      pendingQuery = query
      const id = simulate.load(join(WEAPP, route), { rootPath: WEAPP })
      const page = simulate.render(id)
      page.attach(window.document.createElement('parent-wrapper'))
      return page
    },
  }
}
