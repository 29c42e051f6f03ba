/** The notice subpackage's detail page, compiled, opened as a share card or a tap would open it. */
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

let app: Booted

beforeAll(async () => {
  app = await bootWeapp('member')
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

it('shows the seeded notice with its body and a Shanghai-time date', async () => {
  const page = app.harness.openPage('notice/detail/index', { id: 'notice-acrobatics' })
  await app.waitFor(() => app.texts(page, '.zg-notice__title').length > 0)
  expect(app.texts(page, '.zg-notice__title')).toEqual(['杂技剧《山水相依》'])
  expect(app.texts(page, '.zg-notice__time')[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 10:00$/)
  expect(app.texts(page, '.zg-notice__body')[0]).toContain('杭州运河大剧院')
  expect(app.wxCloud.callFunction).toHaveBeenCalledWith(
    expect.objectContaining({
      data: { action: 'notice.get', payload: { id: 'notice-acrobatics' } },
    }),
  )
})
