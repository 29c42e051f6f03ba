/** 我的 for staff: roles from me.get, and the 工作台 entry into the admin subpackage. */
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

let app: Booted

beforeAll(async () => {
  app = await bootWeapp('staff')
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

it('shows the staff role and opens 工作台', async () => {
  const page = app.harness.openPage('pages/me/index')
  await app.waitFor(() => app.texts(page, '.zg-card__title').includes('工作台'))
  expect(page.dom.textContent).toContain('工作人员')
  const titles = app.texts(page, '.zg-card__title')
  page.querySelectorAll('.zg-card')[titles.indexOf('工作台')].dispatchEvent('tap')
  await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
  expect(app.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/hub/index' }))
})
