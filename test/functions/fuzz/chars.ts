import type { TextKind } from '../../../cloudfunctions/contract/text'
import type { Rng } from './random'

/**
 * Characters the fuzz writes with. Every pool is a list of code points (an emoji sequence counts
 * as one entry), so text is cut and measured without splitting a surrogate pair by accident.
 */
const CJK = [...'职工服务中心杂技剧山水相依森林奇境茶会乒乓球场地预约公告会员王李张刘陈《》，。']
const LATIN = [...'abcdefghijkXYZ0123456789-_.']
/** Valid in any text: emoji (with ZWJ, flags, skin tones, VS16) and other scripts. */
export const EMOJI = ['🎭', '😀', '👨‍👩‍👧', '🇨🇳', '👍🏽', '🀄', '❤️', '𠀀']
const SCRIPTS = ['שלום', 'مرحبا', 'Zoë', 'Ελλάδα', 'ผู้ใช้']
/** Direction marks text in Arabic or Hebrew needs; allowed (unlike overrides and isolates). */
export const RTL_MARKS = ['\u200F', '\u200E', '\u061C']

/** What the contract's plain-text rule refuses, per kind of text (see contract/text.ts). */
const REFUSED_ANYWHERE = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000B',
  '\u000C',
  '\r',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0080',
  '\u0085',
  '\u009B',
  '\u009F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  // Lone surrogates: high, low, and a pair the wrong way round.
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uDE00\uD83D',
]
export const REFUSED: Record<TextKind, readonly string[]> = {
  line: [...REFUSED_ANYWHERE, '\n', '\t'],
  multiline: REFUSED_ANYWHERE,
}

/** Code points that are never whitespace, so a trim cannot shorten text that ends with them. */
const SOLID = [...CJK, ...LATIN]

/** Text of `min`..`max` UTF-16 units (so within zod's and JSON Schema's limits), solid ends. */
export function text(rng: Rng, min: number, max: number, kind?: TextKind): string {
  const target = rng.between(Math.max(min, 1), Math.max(min, Math.min(max, 40)))
  const points: string[] = [rng.pick(SOLID)]
  let units = 1
  while (units + 1 < target) {
    // Leave room for the solid last character; a long emoji that would not fit becomes solid.
    let point = innerPoint(rng, kind)
    if (units + point.length + 1 > target) point = rng.pick(SOLID)
    points.push(point)
    units += point.length
  }
  if (units < target) points.push(rng.pick(SOLID))
  return points.join('')
}

/** One code point for the inside of text: mostly CJK and Latin, sometimes the odd valid one. */
function innerPoint(rng: Rng, kind?: TextKind): string {
  const roll = rng.float()
  if (kind && roll < 0.08) return rng.pick(EMOJI)
  if (kind && roll < 0.1) return rng.pick(RTL_MARKS)
  if (kind && roll < 0.12) return rng.pick(SCRIPTS)
  if (roll < 0.16) return ' '
  if (kind === 'multiline' && roll < 0.2) return rng.pick(['\n', '\n\n', '\t'])
  return rng.pick(SOLID)
}

/** Emoji of one code point each, so long text can be counted by code points exactly. */
const SINGLE_EMOJI = ['🎭', '😀', '🀄', '𠀀']

/**
 * Text of exactly `points` code points (a few more UTF-16 units, for the emoji in it): over a
 * limit whether the limit counts code points (JSON Schema) or UTF-16 units (zod).
 */
export function longText(rng: Rng, points: number): string {
  // A random chunk repeated: a megabyte of fresh randomness would cost more than it finds.
  const chunk: string[] = [rng.pick(SOLID)]
  while (chunk.length < Math.min(points, 997)) {
    chunk.push(rng.chance(0.02) ? rng.pick(SINGLE_EMOJI) : rng.pick(SOLID))
  }
  const whole = Math.floor(points / chunk.length)
  return chunk.join('').repeat(whole) + chunk.slice(0, points - whole * chunk.length).join('')
}

/** `value` with `insert` put between two code points, never at an end (a trim would drop it). */
export function insideOf(rng: Rng, value: string, insert: string): string {
  const points = [...value]
  if (points.length < 2) return `${rng.pick(SOLID)}${insert}${value || rng.pick(SOLID)}`
  const at = rng.between(1, points.length - 1)
  return [...points.slice(0, at), insert, ...points.slice(at)].join('')
}

/** Random letters and digits, for ids and request ids. */
export function token(rng: Rng, length: number, alphabet = LATIN): string {
  let out = ''
  for (let i = 0; i < length; i += 1) out += rng.pick(alphabet)
  return out
}
