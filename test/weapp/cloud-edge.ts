import type { TestCloud } from '../helpers/cloud'

interface CallFunctionOptions {
  name: string
  data: unknown
}

/**
 * The mocked edge: `wx.cloud` as the compiled app calls it. WeChat would attach the caller's
 * openid; here every call is forwarded to the local cloud's `/dev/fn/<name>` as `openid`, so
 * the real api function and the seeded database answer.
 */
export function wxCloudStandIn(cloud: TestCloud, openid: string) {
  return {
    init: jest.fn(),
    callFunction: jest.fn(async ({ name, data }: CallFunctionOptions) => ({
      errMsg: 'cloud.callFunction:ok',
      result: await cloud.fn(name, data, openid),
    })),
  }
}

/** Dev identities the local cloud seeded, as its switcher page lists them. */
export async function identityOf(cloud: TestCloud, role: string): Promise<string> {
  const res = await fetch(`${cloud.url}/dev/identities`)
  const list = (await res.json()) as { openid: string; role: string }[]
  const found = list.find((one) => one.role === role)
  if (!found) throw new Error(`no seeded ${role} identity`)
  return found.openid
}
