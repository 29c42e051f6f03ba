import type { z } from 'zod'
import { actions, type ActionName } from '../../cloudfunctions/contract/actions'
import { ApiError } from '../../cloudfunctions/contract/errors'
import { parse } from '../../cloudfunctions/api/validate'

const CJK = /[\u4e00-\u9fff]/
const REQUEST_ID = 'req_12345678'

function refusal(action: ActionName, payload: unknown): ApiError {
  try {
    const schema: z.ZodType = actions[action].request
    parse(schema, payload)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error(`${action} accepted ${JSON.stringify(payload)}`)
}

describe('request validation against the contract', () => {
  it('accepts a well-formed write and trims text', () => {
    const input = parse(actions['notice.create'].request, {
      requestId: REQUEST_ID,
      title: '  杂技剧《山水相依》 ',
      body: '演出时间：周一 19:30',
      publishAt: '2025-06-13T09:00:00+08:00',
    })
    expect(input.title).toBe('杂技剧《山水相依》')
  })

  it('every write requires a request id', () => {
    for (const [name, spec] of Object.entries(actions)) {
      if (!spec.write) continue
      const error = refusal(name as ActionName, {})
      expect(error.fields?.requestId).toBe('缺少请求编号')
    }
  })

  it('names each bad field with a Chinese message', () => {
    const error = refusal('notice.create', {
      requestId: 'short',
      title: '',
      body: 42,
      posterFileId: 'http://example.com/a.png',
      publishAt: '明天',
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fields).toEqual({
      requestId: '请求编号无效',
      title: '请填写标题',
      body: '请填写正文',
      posterFileId: '海报图片无效',
      publishAt: '时间格式不正确',
    })
    expect(error.message).toBe('请求编号无效')
    expect(error.toBody()).toMatchObject({ code: 'INVALID_INPUT', fields: error.fields })
  })

  it('refuses unknown fields, an openid among them', () => {
    const error = refusal('notice.list', { openid: 'dev-staff-1' })
    expect(error.fields).toEqual({ openid: '不支持的字段' })
  })

  it('gives Chinese messages for what the contract does not word itself', () => {
    const error = refusal('notice.list', { limit: 1.5 })
    expect(error.fields?.limit).toMatch(CJK)
    expect(refusal('notice.list', 'not an object').message).toMatch(CJK)
  })

  it('treats a missing payload as an empty one', () => {
    expect(parse(actions['notice.list'].request, undefined)).toEqual({})
    expect(refusal('notice.get', undefined).fields?.id).toBe('公告编号无效')
  })

  it('limits titles to 60 characters', () => {
    const error = refusal('notice.create', {
      requestId: REQUEST_ID,
      title: '长'.repeat(61),
      body: '正文',
    })
    expect(error.fields).toEqual({ title: '标题不能超过60个字' })
  })
})
