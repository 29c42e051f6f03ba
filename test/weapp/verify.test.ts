/**
 * 会员认证 in the compiled weapp build. WeChat's getPhoneNumber is the mocked edge: the test fires
 * the button's `getphonenumber` event with a one-off code the local cloud issued for this
 * identity, as WeChat would after the member agrees; the api function exchanges it for real.
 */
import { demoData } from '../../cloud/seed'
import { BOOT_TIMEOUT_MS, bootWeapp, type Booted } from './boot'
import type { SimulatedComponent } from './harness'

let app: Booted
const her = demoData(new Date()).identities.find((i) => i.role === 'unverified')

beforeAll(async () => {
  app = await bootWeapp('unverified')
}, BOOT_TIMEOUT_MS)

afterAll(async () => {
  await app?.cloud.stop()
})

function type(input: SimulatedComponent | undefined, value: string): void {
  input?.dispatchEvent('input', { detail: { value } })
}

async function phoneCode(openid: string): Promise<string> {
  const res = await app.cloud.post('/dev/phone-code', undefined, { 'x-dev-openid': openid })
  return (res.body as { code: string }).code
}

it('binds the member after name, ID number and the phone WeChat hands over', async () => {
  if (!her?.idNumber) throw new Error('the seed names no unverified member with an ID number')
  const page = app.harness.openPage('member/verify/index')
  await app.waitFor(() => page.querySelectorAll('.zg-field__input').length === 2)
  const [name, idNumber] = page.querySelectorAll('.zg-field__input')
  type(name, her.name)
  type(idNumber, her.idNumber)
  await app.harness.simulate.sleep(50)

  const button = page
    .querySelectorAll('.nut-button')
    .find((b) => b.dom.textContent === '获取手机号并认证')
  expect(button).toBeDefined()
  button?.dispatchEvent('getphonenumber', { detail: { code: await phoneCode(her.openid) } })

  await app.waitFor(() => app.navigateBack.mock.calls.length > 0)
  expect(app.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '认证成功' }))
  const binding = await app.cloud.app().database().collection('bindings').doc(her.openid).get()
  expect((binding as { data: unknown[] }).data).toHaveLength(1)
})
