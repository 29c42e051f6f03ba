import { randomBytes } from 'node:crypto'

/** getPhoneNumber's code is valid this long, once. */
export const PHONE_CODE_TTL_MS = 5 * 60_000

interface Issued {
  openid: string
  phone: string
  expires: number
}

/** The one-off codes `getPhoneNumber` would give the mini-program, issued for dev identities. */
export class PhoneCodes {
  private readonly codes = new Map<string, Issued>()

  issue(openid: string, phone: string, nowMs: number): string {
    this.sweep(nowMs)
    const code = randomBytes(16).toString('hex')
    this.codes.set(code, { openid, phone, expires: nowMs + PHONE_CODE_TTL_MS })
    return code
  }

  /** The phone behind a code, consuming it; undefined for an unknown, used or expired code. */
  redeem(code: unknown, nowMs: number): Issued | undefined {
    if (typeof code !== 'string') return undefined
    const issued = this.codes.get(code)
    this.codes.delete(code)
    if (!issued || issued.expires < nowMs) return undefined
    return issued
  }

  private sweep(nowMs: number): void {
    for (const [code, issued] of this.codes) if (issued.expires < nowMs) this.codes.delete(code)
  }
}
