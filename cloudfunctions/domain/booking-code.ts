import { createHmac, timingSafeEqual } from 'node:crypto'
import { ApiError } from '../contract/errors'

/**
 * 预约码: what the member's booking QR carries and staff scan at the desk (签到). Like a ticket
 * it is the booking's ref (its id with its claim, so a code of a cancelled booking never checks
 * in the next booking of the slot) with an HMAC under the ticket key; nothing is stored.
 */
const MAC_CHARS = 20
const CODE = /^B([A-Za-z0-9_-]{1,120}~[A-Za-z0-9_-]{1,64})\.([0-9a-f]{20})$/

function macOf(ref: string, key: string): string {
  return createHmac('sha256', key).update(`booking:${ref}`).digest('hex').slice(0, MAC_CHARS)
}

export function bookingCode(ref: string, key: string): string {
  if (!key) throw new Error('TICKET_KEY is not configured')
  return `B${ref}.${macOf(ref, key)}`
}

/** The booking ref a code stands for; BOOKING_INVALID when malformed or forged. */
export function refOfBookingCode(code: string, key: string): string {
  const match = CODE.exec(code.trim())
  const invalid = new ApiError('BOOKING_INVALID')
  if (!match || !key) throw invalid
  const [, ref, mac] = match
  if (!timingSafeEqual(Buffer.from(macOf(ref, key), 'utf8'), Buffer.from(mac, 'utf8')))
    throw invalid
  return ref
}
