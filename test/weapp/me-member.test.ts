/** 我的 for a verified member: the registry data, masked; never the clear phone or ID number. */
import { demoData } from '../../cloud/seed'
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

let app: Booted

beforeAll(async () => {
  app = await bootWeapp('member')
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

it('shows the member data masked, and no 工作台', async () => {
  const page = app.harness.openPage('pages/me/index')
  await app.waitFor(() => app.texts(page, '.zg-card__title').includes('会员信息'))
  const text = page.dom.textContent ?? ''
  expect(text).toContain('已认证会员')
  expect(text).toContain('王*国')
  expect(text).toContain('138****0001')
  expect(text).toMatch(/尾号 [\dX]{4}/)
  expect(text).toContain('浙江省总工会机关工会')
  expect(text).toContain('ZJ0000000001')
  expect(app.texts(page, '.zg-card__title')).not.toContain('工作台')

  const me = demoData(new Date()).identities.find((i) => i.openid === 'dev-member-1')
  expect(me).toBeDefined()
  expect(text).not.toContain(me?.phone)
  expect(text).not.toContain('王建国')
  expect(me?.idNumber).toBeDefined()
  expect(text).not.toContain(me?.idNumber)
  expect(text).toContain(`尾号 ${me?.idNumber?.slice(-4)}`)
})
