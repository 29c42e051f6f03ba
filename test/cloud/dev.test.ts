import { startCloud, type TestCloud } from '../helpers/cloud'

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startCloud({ args: ['--h5', 'test/fixtures/h5'] })
})
afterAll(() => cloud?.stop())

async function text(path: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const res = await fetch(cloud.url + path, init)
  return { status: res.status, body: await res.text() }
}

describe('dev identities and pages', () => {
  it('lists one seeded identity per role, without their phone numbers', async () => {
    const res = await fetch(`${cloud.url}/dev/identities`)
    expect(res.status).toBe(200)
    const identities = (await res.json()) as Array<Record<string, string>>
    expect(identities.map((one) => one.role).sort()).toEqual(
      ['admin', 'checker', 'member', 'staff', 'unverified'].sort(),
    )
    for (const one of identities) {
      // The unverified demo member alone carries her (made-up) ID number, to try 会员认证.
      const keys =
        one.role === 'unverified'
          ? ['idNumber', 'name', 'openid', 'role']
          : ['name', 'openid', 'role']
      expect(Object.keys(one).sort()).toEqual(keys)
      expect(one.openid).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(one.name).not.toBe('')
    }
  })

  it('serves the identity switcher, storing the choice where the app reads it', async () => {
    const page = await text('/dev')
    expect(page.status).toBe(200)
    expect(page.body).toContain('切换开发身份')
    expect(page.body).toContain("'zg-dev-openid'")
    expect(page.body).toContain('/dev/identities')
    const css = await fetch(`${cloud.url}/dev/style.css`)
    expect(css.headers.get('content-type')).toContain('text/css')
  })

  it('serves 微信, which lists /dev/messages as links into the hash-routed app', async () => {
    const page = await text('/dev/wechat')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>微信</h1>')
    expect(page.body).toContain('/dev/messages')
    expect(page.body).toContain("'/#/'")
  })

  it('serves the H5 build at / with index.html for any page path', async () => {
    const index = await text('/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('fixture-h5-index')
    expect((await text('/pages/index/index')).body).toContain('fixture-h5-index')
    const asset = await fetch(`${cloud.url}/assets/app.js`)
    expect(asset.headers.get('content-type')).toContain('javascript')
    expect(await asset.text()).toContain('fixture-h5-asset')
    expect((await text('/assets/missing.js')).status).toBe(404)
  })

  it('never serves a file outside the H5 folder', async () => {
    const res = await text('/..%2f..%2f..%2fpackage.json')
    expect(res.body).not.toContain('"name": "zhegong-service"')
  })

  it('answers CORS preflights for the dev endpoints', async () => {
    const res = await fetch(`${cloud.url}/dev/fn/api`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:10086',
        'access-control-request-headers': 'x-dev-openid',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-headers')).toContain('x-dev-openid')
  })
})
