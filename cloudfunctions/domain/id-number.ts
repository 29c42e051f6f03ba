import { createHmac } from 'node:crypto'

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits (6 area, 8 birth date YYYYMMDD, 3 sequence) and a
 * check character from ISO 7064 MOD 11-2, `X` standing for 10. ID numbers are guessable (area,
 * birthday, a 3-digit sequence), so they are never stored in clear: only a keyed hash (HMAC-SHA256
 * with a key from configuration) and the last 4 characters.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** Upper-case, no spaces: the one form that is validated, hashed and compared. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/** The oldest and youngest a registry member can plausibly be. */
export const BIRTH_YEARS = { oldest: 110, youngest: 14 }

/** Why an ID number is not valid, in Chinese; an empty list when it is. */
export function idNumberProblems(raw: string, now: Date): string[] {
  const id = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return ['身份证号应为18位（最后一位可为X）']
  const problems: string[] = []
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  const real =
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day
  const age = now.getUTCFullYear() - year
  if (!real || age > BIRTH_YEARS.oldest || age < BIRTH_YEARS.youngest) {
    problems.push('身份证号中的出生日期不合理')
  }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) problems.push('身份证号校验位不正确')
  return problems
}

export function isValidIdNumber(raw: string, now: Date): boolean {
  return idNumberProblems(raw, now).length === 0
}

/** HMAC-SHA256 of the normalized ID number, hex. The same key must hash imports and checks. */
export function hashIdNumber(raw: string, key: string): string {
  if (!key) throw new Error('ID_HASH_KEY is not configured')
  return createHmac('sha256', key).update(normalizeIdNumber(raw), 'utf8').digest('hex')
}

export function idLast4(raw: string): string {
  return normalizeIdNumber(raw).slice(-4)
}

/** A member's `_id`: deterministic from the hash, so a re-import finds the same document. */
export function memberIdFor(idHash: string): string {
  return `m_${idHash.slice(0, 32)}`
}
