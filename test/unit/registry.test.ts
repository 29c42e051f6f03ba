import { parseCsv } from '../../cloudfunctions/domain/csv'
import {
  checkCharacter,
  hashIdNumber,
  idNumberProblems,
} from '../../cloudfunctions/domain/id-number'
import { prepareRows, readTable } from '../../cloudfunctions/domain/registry'
import { lockedUntil, VERIFICATION_POLICY } from '../../cloudfunctions/domain/verification'

const NOW = new Date('2025-06-13T00:00:00Z')

describe('GB 11643 ID numbers', () => {
  it('computes the check character, X for 10', () => {
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(idNumberProblems('11010519491231002x', NOW)).toEqual([])
    expect(idNumberProblems('110105194912310021', NOW)).toEqual(['身份证号校验位不正确'])
    expect(idNumberProblems('11010518800101001X', NOW)).toContain('身份证号中的出生日期不合理')
    expect(idNumberProblems('12345', NOW)).toEqual(['身份证号应为18位（最后一位可为X）'])
  })
  it('hashes with the key, case-insensitively', () => {
    expect(hashIdNumber('11010519491231002x', 'k')).toBe(hashIdNumber('11010519491231002X', 'k'))
    expect(hashIdNumber('11010519491231002X', 'k')).not.toBe(
      hashIdNumber('11010519491231002X', 'j'),
    )
  })
})

describe('registry files', () => {
  it('parses quoted CSV', () => {
    expect(parseCsv('\ufeffa,"b,""c"""\r\n1,2\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ])
  })
  it('refuses a file without the columns and rejects duplicate rows', () => {
    expect(() => readTable([['姓名']])).toThrow(/缺少必需的列/)
    const rows = readTable([
      ['姓名', '身份证号', '手机号', '基层工会', '会员卡号'],
      ['张三', '11010519491231002X', '13900000001', '工会', 'C1'],
      ['张三', '11010519491231002x', '13900000001', '工会', 'C1'],
    ])
    const { valid, rejected } = prepareRows(rows, 'k', NOW)
    expect(valid).toHaveLength(1)
    expect(rejected).toEqual([{ row: 3, reasons: ['身份证号与第2行重复'] }])
  })
})

describe('verification lock', () => {
  it('locks once the window holds the maximum of attempts', () => {
    const record = {
      _id: 'o',
      attempts: VERIFICATION_POLICY.maxFailures,
      windowStart: NOW,
      lockedUntil: null,
    }
    expect(lockedUntil(record, NOW)).not.toBeNull()
    expect(lockedUntil({ ...record, attempts: 1 }, NOW)).toBeNull()
    const later = new Date(NOW.getTime() + VERIFICATION_POLICY.windowMs + 1)
    expect(lockedUntil(record, later)).toBeNull()
  })
})
