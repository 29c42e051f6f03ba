import { demoData } from '../../cloud/seed'
import { actions, type ActionName, type Role } from '../../cloudfunctions/contract'
import schema from '../../cloudfunctions/store/schema.json'
import {
  ADMIN,
  CHECKER,
  MEMBER,
  STAFF,
  UNVERIFIED,
  rid,
  startApiCloud,
  type ApiCloud,
} from './api-cloud'

/**
 * The authorization matrix of issue 4: every action of the contract × every kind of caller.
 * Actions are read from the contract, so a new action is covered without touching this file.
 */
let api: ApiCloud
const seed = demoData(new Date())
const memberB = seed.identities.find((i) => i.openid === UNVERIFIED)
const memberBId = String(seed.collections.members[1]._id)
const memberAId = String(seed.collections.members[0]._id)

const IDENTITIES: Array<{ label: string; openid: string; roles: Role[] }> = [
  { label: 'unknown openid', openid: 'o-unknown-caller', roles: ['everyone'] },
  { label: 'unverified', openid: UNVERIFIED, roles: ['everyone'] },
  { label: 'member', openid: MEMBER, roles: ['everyone', 'member'] },
  { label: 'checker', openid: CHECKER, roles: ['everyone', 'checker'] },
  { label: 'staff', openid: STAFF, roles: ['everyone', 'staff'] },
  { label: 'admin', openid: ADMIN, roles: ['everyone', 'admin'] },
]

/** A payload per action that names member B wherever a payload can name anyone. */
const SAMPLES: Partial<Record<ActionName, Record<string, unknown>>> = {
  'member.verify': { name: memberB?.name, idNumber: memberB?.idNumber, phoneCode: 'made-up' },
  'registry.import': { fileId: 'cloud://local.local-local-bucket/none.csv', dryRun: true },
  'registry.list': { query: memberB?.name },
  'registry.contact': { memberId: memberBId },
  'binding.move': { memberId: memberBId, toOpenid: null, reason: '测试' },
  'grant.set': { openid: UNVERIFIED, roles: [] },
  'notice.get': { id: 'notice-events' },
  'notice.manageGet': { id: 'notice-events' },
  'notice.create': { title: '测试', body: '正文' },
  'notice.update': { id: 'notice-events', version: 1, title: '改' },
  'notice.publish': { id: 'notice-forest' },
  'notice.unpublish': { id: 'notice-events' },
  'notice.pin': { id: 'notice-events', pinned: false },
}

function payloadOf(action: ActionName, extra: Record<string, unknown> = {}) {
  const base = { ...(SAMPLES[action] ?? {}), ...extra }
  return actions[action].write ? { ...base, requestId: rid() } : base
}

async function snapshot(): Promise<unknown> {
  const all: Record<string, unknown> = {}
  for (const { name } of schema.collections) all[name] = await api.documents(name)
  return all
}

const NAMES = Object.keys(actions) as ActionName[]

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

describe.each(IDENTITIES)('$label', ({ openid, roles }) => {
  const refused = NAMES.filter((name) => !actions[name].roles.some((r) => roles.includes(r)))
  const allowed = NAMES.filter((name) => !refused.includes(name))

  if (refused.length) {
    it.each(refused)('is refused %s with FORBIDDEN and nothing changes', async (action) => {
      const before = await snapshot()
      const reply = await api.call(openid, action, payloadOf(action))
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      if (!reply.ok) expect(reply.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(await snapshot()).toEqual(before)
    })
  }

  it.each(allowed)('may call %s (never FORBIDDEN)', async (action) => {
    const reply = await api.call(openid, action, payloadOf(action))
    if (!reply.ok) expect(reply.error.code).not.toBe('FORBIDDEN')
  })
})

describe('personal data and identity', () => {
  it('no reply to member A carries member B’s phone or ID number', async () => {
    const secrets = [memberB?.phone ?? 'x', memberB?.idNumber ?? 'x']
    for (const action of NAMES) {
      const reply = await api.call(MEMBER, action, payloadOf(action, {}))
      const text = JSON.stringify(reply)
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
  })

  it('an openid put in a payload is ignored: it never lends its roles', async () => {
    for (const action of NAMES) {
      const before = await snapshot()
      const reply = await api.call(MEMBER, action, payloadOf(action, { openid: ADMIN }))
      const allowed = actions[action].roles.some((r) => r === 'everyone' || r === 'member')
      if (!allowed) {
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(await snapshot()).toEqual(before)
      } else if (action !== 'grant.set') {
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      }
    }
    const me = api.ok(await api.call(MEMBER, 'me.get'))
    expect(me.roles).not.toContain('admin')
    expect(me.member?.cardNo).toBe(seed.collections.members[0].cardNo)
    expect(memberAId).not.toBe(memberBId)
  })
})
