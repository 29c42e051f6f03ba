/** The local cloud's dev identity (H5 only): the switcher page at /dev stores it here. */
export const DEV_OPENID_KEY = 'zg-dev-openid'

export function cloudUrl(path: string): string {
  return `${process.env.TARO_APP_CLOUD_URL ?? ''}${path}`
}

function storedOpenid(): string | null {
  try {
    return window.localStorage.getItem(DEV_OPENID_KEY)
  } catch {
    return null
  }
}

let defaulting: Promise<string | null> | null = null

/**
 * Until someone picks an identity at /dev, the demo opens as the seeded member, the way a
 * member opens the mini-program in WeChat: already identified.
 */
async function defaultOpenid(): Promise<string | null> {
  defaulting ??= fetch(cloudUrl('/dev/identities'))
    .then((res) => res.json() as Promise<Array<{ openid: string; role: string }>>)
    .then((identities) => {
      const member = identities.find((i) => i.role === 'member')
      if (!member) return null
      window.localStorage.setItem(DEV_OPENID_KEY, member.openid)
      return member.openid
    })
    .catch(() => null)
  return defaulting
}

export async function devHeaders(): Promise<Record<string, string>> {
  const openid = storedOpenid() ?? (await defaultOpenid())
  return openid ? { 'x-dev-openid': openid } : {}
}
