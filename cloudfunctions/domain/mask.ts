/**
 * Personal data as it may be shown: published result lists and 我的 never carry a full name or
 * phone number. Masking works on code points so a rare character is never split.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** 13800000000 → 138****0000; anything not an 11-digit mobile keeps only its last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}
