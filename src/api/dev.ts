/** The local cloud's dev identity (H5 only): the switcher page at /dev stores it here. */
export const DEV_OPENID_KEY = 'zg-dev-openid'

export function cloudUrl(path: string): string {
  return `${process.env.TARO_APP_CLOUD_URL ?? ''}${path}`
}

export function devOpenid(): string | null {
  try {
    return window.localStorage.getItem(DEV_OPENID_KEY)
  } catch {
    return null
  }
}

export function devHeaders(): Record<string, string> {
  const openid = devOpenid()
  return openid ? { 'x-dev-openid': openid } : {}
}
