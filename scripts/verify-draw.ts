import { readFileSync } from 'node:fs'
import {
  DrawError,
  parseDrawRecord,
  verifyRecord,
  type DrawCheck,
  type DrawRecord,
} from '../cloudfunctions/domain/draw'

/**
 * `npm run verify-draw -- <record.json>`: recomputes a published draw record from the record
 * alone (docs/draw.md) and prints each check. Exit 0 when every check that can be made matches,
 * 1 naming the first difference, 2 when the file is missing or is not a draw record.
 */

export interface Output {
  out(line: string): void
  err(line: string): void
}

const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}

const TITLES: Record<DrawCheck['name'], string> = {
  listHash: '名单哈希 list hash',
  seedHash: '种子哈希 seed hash',
  winners: '入选名单 winners  ',
  waitlist: '候补顺序 waitlist ',
}

function summary(check: DrawCheck, record: DrawRecord): string {
  if (!check.ok) return check.difference ?? 'differs'
  switch (check.name) {
    case 'listHash':
      return `${check.actual} (${record.entries.length} entries)`
    case 'seedHash':
      return check.actual
    case 'winners':
      return listed(record.winners)
    case 'waitlist':
      return listed(record.waitlist)
  }
}

/** A list that matched: its ids when short enough to read, else its length. */
const listed = (ids: readonly string[]) =>
  ids.length <= 12
    ? `${ids.length} entries match: ${ids.join(' ') || '(none)'}`
    : `${ids.length} entries match, in draw order`

/** An error's message; fs errors thrown in another realm (jest) fail `instanceof Error`. */
const messageOf = (err: unknown) =>
  typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err)

const USAGE = 'usage: npm run verify-draw -- <record.json>'

export function main(args: readonly string[], io: Output = consoleOutput): number {
  if (args.length !== 1 || args[0].startsWith('-')) {
    io.err(USAGE)
    return 2
  }
  const path = args[0]
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    io.err(`无法读取 cannot read ${path}: ${messageOf(err)}`)
    return 2
  }
  let record: DrawRecord
  try {
    record = parseDrawRecord(JSON.parse(text.replace(/^\uFEFF/, '')))
  } catch (err) {
    const why = err instanceof DrawError ? err.message : `not JSON (${messageOf(err)})`
    io.err(`不是有效的抽签记录 ${path} is not a draw record: ${why}`)
    return 2
  }
  let verification
  try {
    verification = verifyRecord(record)
  } catch (err) {
    if (!(err instanceof DrawError)) throw err
    io.err(`不是有效的抽签记录 ${path} is not a draw record: ${err.message}`)
    return 2
  }

  io.out(
    `抽签记录 draw record: activity ${record.activityId}, session ${record.sessionId}, ${record.seats} seats, ${record.entries.length} entries`,
  )
  for (const check of verification.checks) {
    io.out(`${check.ok ? '✓' : '✗'} ${TITLES[check.name]}  ${summary(check, record)}`)
  }
  if (!verification.drawn) io.out(`· ${verification.note}`)
  if (!verification.ok) {
    io.out(`不一致 MISMATCH — first difference: ${verification.firstDifference}`)
    return 1
  }
  io.out(
    verification.drawn
      ? '全部一致 all checks match: this record is the draw its seed and entries give.'
      : '名单哈希一致 the list hash matches; the rest can be checked once the seed is revealed.',
  )
  return 0
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2))
}
