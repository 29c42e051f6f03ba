import { PayloadStream } from './payloads'
import { Rng } from './random'
import { refuses } from './refuse'
import { checkReply } from './run'
import { actionModels } from './schema'
import { validObject } from './values'

/** The fuzz's own parts, without a cloud: fast enough to run with the unit tests. */
const MODELS = actionModels()
const POOLS = { ids: ['m_0123456789abcdef', 'dev-member-2', 'notice-events'] }

describe('the fuzz generator', () => {
  it.each(MODELS.map((m) => m.name))('%s: a valid base payload exists', (name) => {
    // Each break is meant to be the one thing wrong; a new pattern it cannot meet shows here.
    const model = MODELS.find((m) => m.name === name)
    if (!model) throw new Error(name)
    const rng = new Rng(1)
    for (let i = 0; i < 50; i += 1) {
      const base = validObject(rng, model.json, POOLS)
      const parsed = model.request.safeParse(base)
      if (!parsed.success) throw new Error(`${JSON.stringify(base)}: ${parsed.error.message}`)
      expect(refuses(model.json, base)).toBe(false)
    }
  })

  it.each(MODELS.map((m) => m.name))('%s: payloads are distinct, refused, repeatable', (name) => {
    const model = MODELS.find((m) => m.name === name)
    if (!model) throw new Error(name)
    // `next` throws when zod or the JSON Schema would accept a payload.
    const a = new PayloadStream(model, 42, POOLS)
    const b = new PayloadStream(model, 42, POOLS)
    const first = Array.from({ length: 150 }, () => a.next().json)
    expect(new Set(first).size).toBe(first.length)
    expect(Array.from({ length: 150 }, () => b.next().json)).toEqual(first)
    expect(new PayloadStream(model, 43, POOLS).next().json).not.toBe(first[0])
  })
})

describe('the reply check', () => {
  const refusal = (code: string, message = '您没有权限进行此操作') => ({
    ok: false,
    error: { code, message },
  })

  it('takes a refusal from the table with a Chinese message', () => {
    expect(checkReply(refusal('FORBIDDEN'), 'FORBIDDEN')).toBeNull()
    expect(
      checkReply(
        { ok: false, error: { code: 'INVALID_INPUT', message: '有误', fields: { id: '无效' } } },
        'INVALID_INPUT',
      ),
    ).toBeNull()
  })

  it('rejects anything else', () => {
    expect(checkReply({ ok: true, data: {} }, 'FORBIDDEN')).toBe('not refused')
    expect(checkReply(refusal('INTERNAL'), 'FORBIDDEN')).toBe('INTERNAL')
    expect(checkReply(refusal('NOPE'), 'FORBIDDEN')).toBe('code NOPE')
    expect(checkReply(refusal('FORBIDDEN', 'forbidden'), 'FORBIDDEN')).toBe(
      'message without Chinese',
    )
    expect(checkReply(refusal('NOT_FOUND', '不存在'), 'INVALID_INPUT')).toBe(
      'NOT_FOUND instead of INVALID_INPUT',
    )
    expect(checkReply({ ...refusal('FORBIDDEN'), data: 1 }, 'FORBIDDEN')).toBe('extra keys data')
    expect(checkReply(null, 'FORBIDDEN')).toBe('not an object')
  })
})
