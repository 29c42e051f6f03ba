import { ApiError } from '../contract/errors'
import type { ImportReport } from '../contract/registry'
import type { MemberRecord } from '../store/records'
import {
  hashIdNumber,
  idLast4,
  idNumberProblems,
  memberIdFor,
  normalizeIdNumber,
} from './id-number'

/**
 * 会员库 import rules. A file is a table whose first row names the columns; every other
 * non-empty row is one member. Rows are validated one by one; valid rows import even when
 * others are rejected, and the report names every rejected row (numbered as in the file, the
 * header being row 1) with every reason. A file without the columns imports nothing.
 */
export const COLUMNS = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  unit: '基层工会',
  cardNo: '会员卡号',
} as const

export type Field = keyof typeof COLUMNS
export type RegistryRow = Record<Field, string>

export const PHONE = /^1[3-9]\d{9}$/
const MAX_TEXT = 60

export interface NumberedRow {
  row: number
  fields: RegistryRow
}

/** Maps the header to fields; fails with IMPORT_FILE_INVALID naming the missing columns. */
export function readTable(table: string[][]): NumberedRow[] {
  const header = (table[0] ?? []).map((cell) => cell.trim())
  const index = {} as Record<Field, number>
  const missing: string[] = []
  for (const [field, title] of Object.entries(COLUMNS) as [Field, string][]) {
    index[field] = header.indexOf(title)
    if (index[field] < 0) missing.push(title)
  }
  if (missing.length) {
    throw new ApiError(
      'IMPORT_FILE_INVALID',
      `文件缺少必需的列：${missing.join('、')}，未导入任何内容`,
      {
        fileId: `缺少列：${missing.join('、')}`,
      },
    )
  }
  const rows: NumberedRow[] = []
  table.slice(1).forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return
    const fields = {} as RegistryRow
    for (const field of Object.keys(COLUMNS) as Field[])
      fields[field] = (cells[index[field]] ?? '').trim()
    rows.push({ row: i + 2, fields })
  })
  return rows
}

/** Every reason a row cannot be imported, in Chinese; empty when it can. */
export function rowProblems(fields: RegistryRow, now: Date): string[] {
  const problems: string[] = []
  for (const field of Object.keys(COLUMNS) as Field[]) {
    if (!fields[field]) problems.push(`缺少${COLUMNS[field]}`)
    else if (field !== 'idNumber' && Array.from(fields[field]).length > MAX_TEXT) {
      problems.push(`${COLUMNS[field]}过长`)
    }
  }
  if (fields.idNumber) problems.push(...idNumberProblems(fields.idNumber, now))
  if (fields.phone && !PHONE.test(fields.phone.replace(/[\s-]/g, ''))) {
    problems.push('手机号格式不正确')
  }
  return problems
}

export interface PreparedRow {
  row: number
  /** The member document as it should be, minus the creation time. */
  member: Omit<MemberRecord, 'createdAt' | 'updatedAt'>
}

/** Validates and hashes every row; a later row repeating an earlier ID number is rejected. */
export function prepareRows(
  rows: NumberedRow[],
  key: string,
  now: Date,
): { valid: PreparedRow[]; rejected: ImportReport['rejected'] } {
  const valid: PreparedRow[] = []
  const rejected: ImportReport['rejected'] = []
  const seen = new Map<string, number>()
  for (const { row, fields } of rows) {
    const reasons = rowProblems(fields, now)
    if (reasons.length) {
      rejected.push({ row, reasons })
      continue
    }
    const idHash = hashIdNumber(fields.idNumber, key)
    const first = seen.get(idHash)
    if (first !== undefined) {
      rejected.push({ row, reasons: [`身份证号与第${first}行重复`] })
      continue
    }
    seen.set(idHash, row)
    valid.push({
      row,
      member: {
        _id: memberIdFor(idHash),
        name: fields.name,
        idHash,
        idLast4: idLast4(normalizeIdNumber(fields.idNumber)),
        phone: fields.phone.replace(/[\s-]/g, ''),
        unit: fields.unit,
        cardNo: fields.cardNo,
      },
    })
  }
  return { valid, rejected }
}

const COMPARED = ['name', 'phone', 'unit', 'cardNo', 'idLast4', 'idHash'] as const

/** What to write: new members, changed members; unchanged ones are only counted. */
export function planImport(
  rows: PreparedRow[],
  existing: Map<string, MemberRecord>,
  now: Date,
): { writes: MemberRecord[]; created: number; updated: number; unchanged: number } {
  const writes: MemberRecord[] = []
  let created = 0
  let updated = 0
  let unchanged = 0
  for (const { member } of rows) {
    const before = existing.get(member._id)
    if (!before) {
      created += 1
      writes.push({ ...member, createdAt: now, updatedAt: now })
    } else if (COMPARED.some((field) => before[field] !== member[field])) {
      updated += 1
      writes.push({ ...member, createdAt: new Date(before.createdAt), updatedAt: now })
    } else unchanged += 1
  }
  return { writes, created, updated, unchanged }
}
