import { readFileSync } from 'node:fs'
import { API_DOCS_PATH, renderApiDocs } from '../../scripts/api-docs'
import { contractSchema } from '../../scripts/contract-json'
import { actions } from '../../cloudfunctions/contract/actions'

describe('the generated API reference', () => {
  it('docs/api.md matches the contract (run `npm run api:docs` after changing it)', () => {
    expect(readFileSync(API_DOCS_PATH, 'utf8')).toBe(renderApiDocs())
  })

  it('api:schema lists every action with roles, write flag and a JSON Schema request', () => {
    const schema = contractSchema()
    expect(schema.map((a) => a.action)).toEqual(Object.keys(actions))
    for (const entry of schema) {
      expect(Object.keys(entry)).toEqual(['action', 'roles', 'write', 'request'])
      expect(entry.roles.length).toBeGreaterThan(0)
      expect(entry.request).toMatchObject({ type: 'object', additionalProperties: false })
      const required = (entry.request.required as string[] | undefined) ?? []
      expect(required.includes('requestId')).toBe(entry.write)
    }
  })
})
