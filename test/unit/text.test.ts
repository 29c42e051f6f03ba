import type { z } from 'zod'
import { actions, type ActionName } from '../../cloudfunctions/contract/actions'
import { ApiError } from '../../cloudfunctions/contract/errors'
import { isPlainText, PLAIN_TEXT_KEY } from '../../cloudfunctions/contract/text'
import { parse } from '../../cloudfunctions/api/validate'
import { contractSchema } from '../../scripts/contract-json'

const CJK = /[\u4e00-\u9fff]/

/** What no free-text field may hold, each inside ordinary text (a trim must not drop it). */
const REFUSED: Record<string, string> = {
  NUL: '\u0000',
  'C0 BEL': '\u0007',
  'C0 ESC': '\u001B',
  'vertical tab': '\u000B',
  CR: '\r',
  DEL: '\u007F',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009B',
  'LRE U+202A': '\u202A',
  'RLO U+202E': '\u202E',
  'LRI U+2066': '\u2066',
  'PDI U+2069': '\u2069',
  'lone high surrogate': '\uD83D',
  'lone low surrogate': '\uDE00',
  'reversed pair': '\uDE00\uD83D',
}

/** What people do write, kept as it is. */
const KEPT = [
  '王建国',
  '杂技剧《山水相依》🎭',
  '👨‍👩‍👧 family',
  'שלום \u200F RLM and \u200E LRM',
  'مرحبا',
  'Zoë – “quotes” · dots…',
  '𠀀 (an astral CJK character)',
]

describe('plain text (cloudfunctions/contract/text.ts)', () => {
  it.each(Object.entries(REFUSED))('refuses %s on a line and in a body', (_label, char) => {
    expect(isPlainText(`a${char}b`)).toBe(false)
    expect(isPlainText(`a${char}b`, 'multiline')).toBe(false)
  })

  it('keeps CJK, emoji, other scripts and the ordinary direction marks', () => {
    for (const text of KEPT) {
      expect(isPlainText(text)).toBe(true)
      expect(isPlainText(text, 'multiline')).toBe(true)
    }
  })

  it('allows line breaks and tabs in a body only', () => {
    expect(isPlainText('第一行\n第二行\t续')).toBe(false)
    expect(isPlainText('第一行\n第二行\t续', 'multiline')).toBe(true)
  })
})

describe('every free-text field of the contract', () => {
  /** [action, field, kind] for each field the JSON Schema marks as plain text. */
  const fields = contractSchema().flatMap(({ action, request }) => {
    const properties = (request.properties ?? {}) as Record<string, Record<string, unknown>>
    return Object.entries(properties).flatMap(([field, schema]) => {
      const kinds = [schema, ...((schema.anyOf as Record<string, unknown>[]) ?? [])]
        .map((s) => s[PLAIN_TEXT_KEY])
        .filter((k): k is string => typeof k === 'string')
      return kinds.map((kind) => [action, field, kind] as const)
    })
  })

  it('is marked in the JSON Schema, title to audit filters', () => {
    const marked = new Set(fields.map(([action, field]) => `${action}.${field}`))
    for (const name of [
      'member.verify.name',
      'binding.move.reason',
      'binding.move.toOpenid',
      'grant.set.openid',
      'registry.list.query',
      'audit.list.actor',
      'audit.list.action',
      'notice.create.title',
      'notice.create.body',
      'notice.update.title',
      'notice.update.body',
    ]) {
      expect(marked).toContain(name)
    }
  })

  it.each(fields)('%s refuses a bidi override in %s with a Chinese message', (action, field) => {
    const schema: z.ZodType = actions[action as ActionName].request
    let error: unknown
    try {
      parse(schema, { [field]: 'ab\u202Ecd' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ApiError)
    const message = (error as ApiError).fields?.[field]
    expect(message).toMatch(CJK)
    expect(message).toMatch(/字符/)
  })
})
