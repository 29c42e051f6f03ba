import { demoData } from '../../cloud/seed'
import { startCloud, type TestCloud } from '../helpers/cloud'

interface Outgoing {
  kind: 'subscribe' | 'share'
  time: string
  touser?: string
  template_id?: string
  page?: string
  data?: Record<string, { value: string }>
  from?: string
  title?: string
  path?: string
  imageUrl?: string
}

const member = demoData(new Date()).identities.find((one) => one.role === 'member')
let cloud: TestCloud

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
})
afterAll(() => cloud?.stop())

/** Calls the WeChat open API from inside a function, as the product does. */
function openApi(api: string, request: unknown, openid = 'o-sender'): Promise<unknown> {
  return cloud.fn('notify', { api, request }, openid)
}

async function messages(query = ''): Promise<Outgoing[]> {
  const res = await fetch(`${cloud.url}/dev/messages${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Outgoing[]
}

const SEND = 'cgi-bin/message/subscribe/send'
const PHONE = 'wxa/business/getuserphonenumber'

describe('wx.api', () => {
  it('records a subscription message and answers like WeChat', async () => {
    const reply = await openApi(SEND, {
      touser: 'o-member',
      template_id: 'TPL_RESULT',
      page: 'activity/entry/index?id=e1',
      data: { thing1: { value: '杂技剧《山水相依》' }, phrase2: { value: '中签' } },
    })
    expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok' })
    const [latest] = await messages()
    expect(latest).toMatchObject({
      kind: 'subscribe',
      touser: 'o-member',
      template_id: 'TPL_RESULT',
      page: 'activity/entry/index?id=e1',
      data: { thing1: { value: '杂技剧《山水相依》' }, phrase2: { value: '中签' } },
    })
    expect(Math.abs(new Date(latest.time).getTime() - Date.now())).toBeLessThan(5000)
  })

  it('answers WeChat’s error for a bad message and records nothing', async () => {
    const before = (await messages()).length
    expect(await openApi(SEND, { template_id: 'T', data: {} })).toMatchObject({ errcode: 40003 })
    expect(await openApi(SEND, { touser: 'o', data: {} })).toMatchObject({ errcode: 40037 })
    expect(
      await openApi(SEND, { touser: 'o', template_id: 'T', data: { thing1: {} } }),
    ).toMatchObject({ errcode: 47003 })
    expect(await messages()).toHaveLength(before)
  })

  it('works through the SDK outside a function too', async () => {
    const { result } = await cloud.app().callWxOpenApi({
      apiName: SEND,
      requestData: { touser: 'o-direct', template_id: 'T2', data: { thing1: { value: 'x' } } },
    })
    expect(result).toMatchObject({ errcode: 0 })
    expect(await messages('?openid=o-direct')).toHaveLength(1)
  })

  it('exchanges a phone-number code once for the dev identity’s phone', async () => {
    expect(member).toBeDefined()
    const issued = await cloud.post('/dev/phone-code', undefined, {
      'x-dev-openid': member?.openid ?? '',
    })
    expect(issued.status).toBe(200)
    const { code } = issued.body as { code: string }
    expect(await openApi(PHONE, { code }, member?.openid)).toMatchObject({
      errcode: 0,
      phone_info: {
        phoneNumber: member?.phone,
        purePhoneNumber: member?.phone,
        countryCode: '86',
      },
    })
    expect(await openApi(PHONE, { code }, member?.openid)).toMatchObject({ errcode: 40029 })
    expect(await openApi(PHONE, { code: 'made-up' })).toMatchObject({ errcode: 40029 })
  })

  it('lets a code expire after five minutes of the local clock', async () => {
    const issued = await cloud.post('/dev/phone-code', undefined, {
      'x-dev-openid': member?.openid ?? '',
    })
    const { code } = issued.body as { code: string }
    await cloud.post('/dev/clock', { offsetMs: 5 * 60_000 + 1000 })
    try {
      expect(await openApi(PHONE, { code })).toMatchObject({ errcode: 40029 })
    } finally {
      await cloud.post('/dev/clock', { offsetMs: 0 })
    }
  })

  it('issues codes only for dev identities', async () => {
    const res = await cloud.post('/dev/phone-code', undefined, { 'x-dev-openid': 'o-stranger' })
    expect(res.status).toBe(404)
  })

  it('refuses an API it does not emulate', async () => {
    await expect(
      cloud.app().callWxOpenApi({ apiName: 'cgi-bin/unknown/api', requestData: {} }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })
})

describe('share cards and the message list', () => {
  it('records a share card, newest first, with who shared it', async () => {
    const res = await cloud.post(
      '/dev/share',
      { title: '一起打乒乓球', path: '/venue/booking/index?id=b1', imageUrl: 'cloud://x.y/p.png' },
      { 'x-dev-openid': 'o-sharer' },
    )
    expect(res.status).toBe(200)
    const [latest] = await messages()
    expect(latest).toMatchObject({
      kind: 'share',
      from: 'o-sharer',
      title: '一起打乒乓球',
      path: '/venue/booking/index?id=b1',
      imageUrl: 'cloud://x.y/p.png',
    })
    const all = await messages()
    const times = all.map((item) => new Date(item.time).getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(all.some((item) => item.kind === 'subscribe')).toBe(true)
  })

  it('rejects a share without a title or with a relative path', async () => {
    expect((await cloud.post('/dev/share', { path: '/a' })).status).toBe(400)
    expect((await cloud.post('/dev/share', { title: 't', path: 'a/b' })).status).toBe(400)
  })
})
