import { launch } from '../../test/e2e/browser'
import { builtFunctions } from '../../test/functions/api-cloud'
import { startCloud } from '../../test/helpers/cloud'
import type { BenchGroup } from '../group'
import { ensureBuilt } from '../dist'
import { median, round } from '../stats'

const RUNS = 5
/** A notice card's title: the home page's content, there once the first notices have loaded. */
const CONTENT = '.zg-card__title'

interface Marked {
  __benchFirstRender?: number
}

/**
 * Runs in the page before its own scripts: notes the frame in which the first visible match of
 * `selector` is painted, in ms since navigation start (performance.now()'s origin).
 */
function markFirstRender(selector: string): void {
  const observer = new MutationObserver(() => {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!el.checkVisibility()) continue
      observer.disconnect()
      requestAnimationFrame(() => {
        ;(window as Marked).__benchFirstRender = performance.now()
      })
      return
    }
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
}

/**
 * The H5 home page as a new member meets it: a fresh browser (no cache, no storage) on the
 * local cloud with the demo data, timed from navigation start to the first notice card.
 */
const h5: BenchGroup = {
  name: 'h5',
  async run() {
    await ensureBuilt('h5')
    const cloud = await startCloud({ seed: true, functions: await builtFunctions() })
    try {
      const browser = await launch()
      try {
        const times: number[] = []
        for (let i = 0; i < RUNS; i += 1) {
          const context = await browser.newContext({
            viewport: { width: 390, height: 844 },
            deviceScaleFactor: 2,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
          })
          try {
            await context.addInitScript(markFirstRender, CONTENT)
            const page = await context.newPage()
            await page.goto(`${cloud.url}/`, { waitUntil: 'commit' })
            const mark = await page.waitForFunction(
              () => (window as Marked).__benchFirstRender,
              undefined,
              { timeout: 30_000 },
            )
            times.push(Number(await mark.jsonValue()))
          } finally {
            await context.close()
          }
        }
        return [
          {
            key: 'homeFirstRenderMs',
            value: round(median(times), 1),
            unit: 'ms',
            what: `Chromium, navigation start to the first notice card on the home page, fresh context each time, median of ${RUNS}`,
          },
        ]
      } finally {
        await browser.close()
      }
    } finally {
      await cloud.stop()
    }
  },
}

export default h5
