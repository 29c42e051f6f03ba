/**
 * 我的 for a verified member: the registry data, masked; never the clear phone or ID number; and
 * a no-show ban, with its end, before the member taps anything it would refuse.
 */
import { demoData } from '../../cloud/seed'
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'

let app: Booted
let page: ReturnType<Booted['harness']['openPage']>
/** Two no-shows as the scheduler would have recorded them bring a ban ending in ten days. */
const until = new Date(Date.now() + 10 * 86_400_000)
until.setUTCHours(16, 0, 0, 0)

beforeAll(async () => {
  app = await bootWeapp('member')
  const memberId = String(demoData(new Date()).collections.members[0]._id)
  await app.cloud
    .app()
    .database()
    .collection('credit')
    .add({ _id: memberId, noShows: [], bannedUntil: until, version: 1 })
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

it('shows the member data masked, and no 工作台', async () => {
  page = app.harness.openPage('pages/me/index')
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

it('says when a no-show ban keeps the member from booking and signing up, and until when', async () => {
  await app.waitFor(() => app.texts(page, '.zg-card__title').includes('暂停预约与报名'))
  const text = page.dom.textContent ?? ''
  const day = new Date(until.getTime() + 8 * 3_600_000)
  expect(text).toContain(
    `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 00:00前不能预约场地或报名活动`,
  )
  expect(text).toContain('暂停中')
})
