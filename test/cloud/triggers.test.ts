import { startCloud, type TestCloud } from '../helpers/cloud'

interface Plan {
  plan: Array<{ functionName: string; triggerName: string; cron: string; next: string | null }>
  history: Array<{ functionName: string; ok: boolean }>
}
interface Tick {
  trigger: string | null
  type: string | null
  time: string | null
  openid: string
  triggerSrc: string
  seenAt: number
}

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
})
afterAll(() => cloud?.stop())

async function get<T>(path: string): Promise<T> {
  const res = await fetch(cloud.url + path)
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

async function ticks(time?: string): Promise<Tick[]> {
  const ticksCollection = cloud.app().database().collection('ticks')
  try {
    const { data } = await (time ? ticksCollection.where({ time }) : ticksCollection).get()
    return data as Tick[]
  } catch (error) {
    // Before the first tick the collection does not exist yet.
    if (String((error as Error).message).includes('not exist')) return []
    throw error
  }
}

async function nightly(): Promise<Date> {
  const { plan } = await get<Plan>('/dev/triggers')
  const timer = plan.find((one) => one.functionName === 'ticker')
  expect(timer).toMatchObject({ triggerName: 'nightly', cron: '0 0 3 * * * *' })
  return new Date(timer?.next ?? NaN)
}

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const found = await probe()
    if (found !== undefined) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return undefined
}

describe('timer triggers and the dev clock', () => {
  it('plans the next fire time from config.json in UTC+8', async () => {
    const next = await nightly()
    // 03:00 in Shanghai is 19:00 UTC, within the next day.
    expect(next.getUTCHours()).toBe(19)
    expect(next.getUTCMinutes()).toBe(0)
    expect(next.getTime() - Date.now()).toBeGreaterThan(0)
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000)
  })

  it('fires one now with POST /dev/trigger/<function>, as the timer would', async () => {
    const res = await cloud.post('/dev/trigger/ticker')
    expect(res.status).toBe(200)
    const { result } = res.body as { result: Tick }
    expect(result).toMatchObject({
      trigger: 'nightly',
      type: 'Timer',
      openid: '',
      triggerSrc: 'timer',
    })
    expect(await ticks(result.time ?? '')).toHaveLength(1)
  })

  it('fires on time once the clock is shifted to just before the fire time', async () => {
    const next = await nightly()
    const due = next.toISOString().replace(/\.\d{3}Z$/, 'Z')
    expect(await ticks(due)).toHaveLength(0)

    const offsetMs = next.getTime() - Date.now() - 1500
    const shifted = await cloud.post('/dev/clock', { offsetMs })
    expect(shifted.status).toBe(200)
    expect((shifted.body as { offsetMs: number }).offsetMs).toBe(offsetMs)
    // Not yet: the fire time is still 1.5 s ahead on the shifted clock.
    expect(await ticks(due)).toHaveLength(0)

    const fired = await until(async () => (await ticks(due))[0], 6000)
    expect(fired).toMatchObject({ trigger: 'nightly', type: 'Timer', triggerSrc: 'timer' })
    // The function saw the shifted time too.
    expect(fired?.seenAt).toBeGreaterThanOrEqual(next.getTime())
    expect(fired?.seenAt).toBeLessThan(next.getTime() + 5000)
    // Once only, and the next one is planned a day later.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(await ticks(due)).toHaveLength(1)
    expect((await nightly()).getTime()).toBe(next.getTime() + 24 * 3600_000)
  })

  it('tells the clock, shifts it back and re-plans', async () => {
    const reset = await cloud.post('/dev/clock', { offsetMs: 0 })
    expect(reset.status).toBe(200)
    const clock = await get<{ offsetMs: number; now: string }>('/dev/clock')
    expect(clock.offsetMs).toBe(0)
    expect(Math.abs(new Date(clock.now).getTime() - Date.now())).toBeLessThan(2000)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const next = await nightly()
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000)
  })

  it('shifts the time functions see', async () => {
    const offsetMs = 3 * 24 * 3600_000
    await cloud.post('/dev/clock', { offsetMs })
    const { now } = (await cloud.fn('whoami', {}, 'o-time')) as { now: number }
    expect(now - Date.now()).toBeGreaterThan(offsetMs - 5000)
    expect(now - Date.now()).toBeLessThan(offsetMs + 5000)
    await cloud.post('/dev/clock', { offsetMs: 0 })
  })

  it('rejects a bad offset and an unknown function', async () => {
    expect((await cloud.post('/dev/clock', { offsetMs: 'soon' })).status).toBe(400)
    expect((await cloud.post('/dev/trigger/no-such-fn')).status).toBe(404)
  })
})
