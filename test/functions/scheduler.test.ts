import { STAFF, startApiCloud, type ApiCloud } from './api-cloud'

let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

interface Fired {
  function: string
  trigger: string
  result: { at: string; noticesNowVisible: number }
}

describe('the scheduler function on its timer', () => {
  it('declares a one-minute timer trigger in its deployable config', async () => {
    const res = await fetch(`${api.cloud.url}/dev/triggers`)
    const body = (await res.json()) as { plan: Array<{ function: string }> }
    expect(JSON.stringify(body.plan)).toContain('scheduler')
  })

  it('reports the scheduled notice whose time came within the minute', async () => {
    const tea = api.ok(await api.call(STAFF, 'notice.manageGet', { id: 'notice-tea' }))
    const due = new Date(tea.publishAt ?? '').getTime()
    try {
      await api.shiftClock(due + 30_000 - Date.now())
      const fired = await api.cloud.post('/dev/trigger/scheduler')
      expect(fired.status).toBe(200)
      const result = (fired.body as Fired).result
      expect(result.noticesNowVisible).toBe(1)
      expect(new Date(result.at).getTime()).toBeGreaterThanOrEqual(due)

      await api.shiftClock(due + 5 * 60_000 - Date.now())
      const later = await api.cloud.post('/dev/trigger/scheduler')
      expect((later.body as Fired).result.noticesNowVisible).toBe(0)
    } finally {
      await api.shiftClock(0)
    }
  })
})
