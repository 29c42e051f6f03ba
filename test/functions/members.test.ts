import { demoData } from '../../cloud/seed'
import { xlsx } from '../helpers/xlsx'
import { VERIFICATION_POLICY } from '../../cloudfunctions/domain/verification'
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

let api: ApiCloud
const seed = demoData(new Date())
const identity = (openid: string) => {
  const found = seed.identities.find((i) => i.openid === openid)
  if (!found) throw new Error(openid)
  return found
}

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

const HEADER = '姓名,身份证号,手机号,基层工会,会员卡号'
/** Valid GB 11643 numbers (check characters computed by hand and by domain/id-number). */
const ID_A = '11010519491231002X'
const ID_B = '440524198001010013'

describe('会员认证', () => {
  it('binds the unverified dev member once, with masked data on 我的', async () => {
    const me2 = identity(UNVERIFIED)
    const reply = await api.write(UNVERIFIED, 'member.verify', rid(), {
      name: me2.name,
      idNumber: me2.idNumber,
      phoneCode: await api.phoneCode(UNVERIFIED),
    })
    const me = api.ok(reply)
    expect(me.verified).toBe(true)
    expect(me.roles).toContain('member')
    expect(me.member).toMatchObject({ maskedName: '李*英', maskedPhone: '138****0002' })
    expect(me.member?.idLast4).toBe(me2.idNumber?.slice(-4))
    expect(JSON.stringify(me)).not.toContain(me2.phone)
    const again = await api.write(UNVERIFIED, 'member.verify', rid(), {
      name: me2.name,
      idNumber: me2.idNumber,
      phoneCode: await api.phoneCode(UNVERIFIED),
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_VERIFIED' } })
  })

  it('refuses a second account for a bound member with a clear code', async () => {
    const me1 = identity(MEMBER)
    const before = await api.documents('bindings')
    const reply = await api.write(STAFF, 'member.verify', rid(), {
      name: me1.name,
      idNumber: me1.idNumber,
      phoneCode: await api.phoneCode(STAFF),
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'MEMBER_ALREADY_BOUND' } })
    expect(await api.documents('bindings')).toEqual(before)
  })

  it('refuses an invalid phone code without charging an attempt', async () => {
    const reply = await api.write(CHECKER, 'member.verify', rid(), {
      name: '张三',
      idNumber: ID_A,
      phoneCode: 'made-up',
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'PHONE_CODE_INVALID' } })
  })

  it('locks after repeated failures, concurrent attempts included', async () => {
    const tries = VERIFICATION_POLICY.maxFailures * 2
    const codes = await Promise.all(Array.from({ length: tries }, () => api.phoneCode(CHECKER)))
    const replies = await Promise.all(
      codes.map((code) =>
        api.write(CHECKER, 'member.verify', rid(), {
          name: '张三',
          idNumber: ID_A,
          phoneCode: code,
        }),
      ),
    )
    const codesSeen = replies.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codesSeen.filter((c) => c === 'VERIFICATION_FAILED').length).toBeLessThanOrEqual(
      VERIFICATION_POLICY.maxFailures,
    )
    expect(codesSeen).toContain('VERIFICATION_LOCKED')
    const me = api.ok(await api.call(CHECKER, 'me.get'))
    expect(me.verification.lockedUntil).not.toBeNull()
    // Even the right answer is refused while locked.
    const right = await api.write(CHECKER, 'member.verify', rid(), {
      name: '张三',
      idNumber: ID_A,
      phoneCode: await api.phoneCode(CHECKER),
    })
    expect(right).toMatchObject({ ok: false, error: { code: 'VERIFICATION_LOCKED' } })
  })
})

describe('会员库导入', () => {
  it('imports valid rows, reports every rejected row, and a re-import updates', async () => {
    const csv = [
      HEADER,
      `张三,${ID_A},13900000011,测试工会,T0001`,
      `"李,四",${ID_B},13900000012,测试工会,T0002`,
      `王五,110105194912310021,13900000013,测试工会,T0003`,
      `赵六,11010519491231002X,12345,,T0004`,
      '',
    ].join('\r\n')
    const before = (await api.documents('members')).length
    const dry = api.ok(
      await api.write(ADMIN, 'registry.import', rid(), {
        fileId: await api.upload('a.csv', csv),
        dryRun: true,
      }),
    )
    expect(dry).toMatchObject({ total: 4, created: 2, updated: 0, unchanged: 0 })
    expect((await api.documents('members')).length).toBe(before)

    const report = api.ok(
      await api.write(ADMIN, 'registry.import', rid(), { fileId: await api.upload('b.csv', csv) }),
    )
    expect(report).toMatchObject({ total: 4, created: 2, updated: 0, unchanged: 0 })
    expect(report.rejected).toEqual([
      { row: 4, reasons: ['身份证号校验位不正确'] },
      { row: 5, reasons: ['缺少基层工会', '手机号格式不正确'] },
    ])
    const members = await api.documents('members')
    expect(members.length).toBe(before + 2)
    expect(JSON.stringify(members)).not.toContain(ID_A)

    const changed = [
      HEADER,
      `张三,${ID_A},13900000099,新工会,T0001`,
      `"李,四",${ID_B},13900000012,测试工会,T0002`,
    ].join('\n')
    const again = api.ok(
      await api.write(ADMIN, 'registry.import', rid(), {
        fileId: await api.upload('c.csv', changed),
      }),
    )
    expect(again).toMatchObject({ total: 2, created: 0, updated: 1, unchanged: 1, rejected: [] })
    expect((await api.documents('members')).length).toBe(before + 2)
  })

  it('reads an Excel workbook (.xlsx) the same way', async () => {
    const rows = [
      HEADER.split(','),
      ['孙七', '440524198001010056', '13900000021', 'Excel工会', 'X0001'],
      ['周八', '440524198001010057', '13900000022', 'Excel工会', 'X0002'],
    ]
    const before = (await api.documents('members')).length
    const report = api.ok(
      await api.write(ADMIN, 'registry.import', rid(), {
        fileId: await api.upload('d.xlsx', xlsx(rows)),
      }),
    )
    expect(report).toMatchObject({ total: 2, created: 1, updated: 0, unchanged: 0 })
    expect(report.rejected).toEqual([{ row: 3, reasons: ['身份证号校验位不正确'] }])
    expect((await api.documents('members')).length).toBe(before + 1)
  })

  it('a malformed file changes nothing', async () => {
    const before = await api.documents('members')
    for (const text of ['姓名,手机号\n张三,13900000011', '"unterminated', '']) {
      const reply = await api.write(ADMIN, 'registry.import', rid(), {
        fileId: await api.upload(`bad-${rid()}.csv`, text),
      })
      expect(reply).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE_INVALID' } })
    }
    const missing = await api.write(ADMIN, 'registry.import', rid(), {
      fileId: 'cloud://local.local-local-bucket/imports/none.csv',
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE_INVALID' } })
    expect(await api.documents('members')).toEqual(before)
  })
})

describe('grants, registry and audit', () => {
  it('an admin grants staff; the last admin stays', async () => {
    const grant = api.ok(
      await api.write(ADMIN, 'grant.set', rid(), { openid: 'o-new', roles: ['staff'] }),
    )
    expect(grant).toEqual({ openid: 'o-new', roles: ['staff'], name: null })
    const list = api.ok(await api.call(ADMIN, 'grant.list'))
    expect(list.find((g) => g.openid === 'o-new')?.roles).toEqual(['staff'])
    // dev-admin-1 is a configured admin: it stays admin whatever is granted.
    const self = api.ok(await api.write(ADMIN, 'grant.set', rid(), { openid: ADMIN, roles: [] }))
    expect(self.roles).toEqual(['admin'])
  })

  it('staff search the registry, call a member, move a binding; all audited', async () => {
    const page = api.ok(await api.call(STAFF, 'registry.list', { query: '王建国' }))
    expect(page.items).toHaveLength(1)
    const [wang] = page.items
    expect(wang).toMatchObject({ maskedName: '王*国', maskedPhone: '138****0001', bound: true })
    expect(api.ok(await api.call(STAFF, 'registry.contact', { memberId: wang.id }))).toEqual({
      phone: '13800000001',
    })
    const moved = await api.write(STAFF, 'binding.move', rid(), {
      memberId: wang.id,
      toOpenid: 'o-new-phone',
      reason: '会员更换微信号',
    })
    expect(api.ok(moved).bound).toBe(true)
    expect(api.ok(await api.call(MEMBER, 'me.get')).verified).toBe(false)
    expect(api.ok(await api.call('o-new-phone', 'me.get')).verified).toBe(true)
    await api.write(STAFF, 'binding.move', rid(), {
      memberId: wang.id,
      toOpenid: MEMBER,
      reason: '改回',
    })

    const audit = api.ok(await api.call(ADMIN, 'audit.list', { actor: STAFF, limit: 50 }))
    const actions = audit.items.map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['registry.contact', 'binding.move']))
    expect(audit.items.find((e) => e.action === 'binding.move')).toMatchObject({
      actor: STAFF,
      targets: expect.arrayContaining([wang.id]) as unknown,
    })
    const grants = api.ok(await api.call(ADMIN, 'audit.list', { action: 'grant.set' }))
    expect(grants.items.length).toBeGreaterThanOrEqual(2)
    // Staff read the log in Chinese: no English half of the contract's bilingual summary.
    for (const entry of [...audit.items, ...grants.items]) {
      expect(entry.summary).not.toMatch(/[A-Za-z]{3,}/)
    }
  })
})
