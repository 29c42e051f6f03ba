/** 我的 for a member who has not verified yet: a clear way to 会员认证, and no 工作台. */
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

let app: Booted

beforeAll(async () => {
  app = await bootWeapp('unverified')
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

it('asks to verify and opens 会员认证', async () => {
  const page = app.harness.openPage('pages/me/index')
  await app.waitFor(() => app.texts(page, '.zg-card__title').includes('会员认证'))
  expect(page.dom.textContent).toContain('未认证会员')
  expect(app.texts(page, '.zg-card__title')).not.toContain('工作台')
  expect(page.dom.textContent).not.toContain('会员卡号')

  const button = page.querySelectorAll('.nut-button').find((b) => b.dom.textContent === '去认证')
  expect(button).toBeDefined()
  button?.dispatchEvent('tap')
  await app.waitFor(() => app.navigateTo.mock.calls.length > 0)
  expect(app.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/member/verify/index' }),
  )
})
