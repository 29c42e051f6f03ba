import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedHash, type DrawRecord } from '../../cloudfunctions/domain/draw'
import { main } from '../../scripts/verify-draw'

const DOC = readFileSync(join(__dirname, '../../docs/draw.md'), 'utf8')

/** The worked example's record, from docs/draw.md. */
function example(): DrawRecord {
  const at = DOC.indexOf('<!-- draw-example:record -->')
  const block = /```json\n([\s\S]*?)\n```/.exec(DOC.slice(at))
  if (at < 0 || !block) throw new Error('docs/draw.md lost its example record')
  return JSON.parse(block[1]) as DrawRecord
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-draw-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function file(content: string): string {
  files += 1
  const path = join(dir, `record-${files}.json`)
  writeFileSync(path, content)
  return path
}
const recordFile = (record: unknown) => file(JSON.stringify(record, null, 2))

function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = main(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('npm run verify-draw -- <record.json>', () => {
  it('prints every check with ✓ and exits 0 for a true record, as docs/draw.md shows', () => {
    const { code, out, err } = run(recordFile(example()))
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(out).toEqual([
      '抽签记录 draw record: activity act_example, session s1, 4 seats, 5 entries',
      '✓ 名单哈希 list hash  4e7dcb0aa64bab27b522ab7bf08af83da4aadc3456aa5a6de953da68a5ac62bb (5 entries)',
      '✓ 种子哈希 seed hash  909afe8a3de3e384861e0a1999fac04190fdd33bb7771d1061dc2fce9145c8c3',
      '✓ 入选名单 winners    3 entries match: e2 e4 e1',
      '✓ 候补顺序 waitlist   2 entries match: e10 e3',
      '全部一致 all checks match: this record is the draw its seed and entries give.',
    ])
    // The session shown in docs/draw.md § 10 is this output, line for line.
    const shown =
      /```console\n\$ npm run --silent verify-draw -- record\.json\n([\s\S]*?)\n```/.exec(DOC)
    expect(shown?.[1].split('\n')).toEqual(out)
  })

  it('exits 1 on a swapped winner, marking the check ✗ and naming the first difference', () => {
    const record = example()
    const { code, out } = run(recordFile({ ...record, winners: ['e2', 'e1', 'e4'] }))
    expect(code).toBe(1)
    expect(out.slice(1, 5).map((l) => l.slice(0, 1))).toEqual(['✓', '✓', '✗', '✓'])
    expect(out[3]).toBe('✗ 入选名单 winners    winners[1]: record says e1, recomputed e4')
    expect(out.at(-1)).toBe(
      '不一致 MISMATCH — first difference: winners[1]: record says e1, recomputed e4',
    )
    // The line docs/draw.md quotes is the one printed.
    expect(DOC).toContain(`\`${out.at(-1)}\``)
  })

  it('exits 1 on a changed seed, a changed weight and a reordered waitlist', () => {
    const record = example()
    const seed = `${record.seed?.slice(0, 63)}0`
    const changedSeed = run(recordFile({ ...record, seed }))
    expect(changedSeed.code).toBe(1)
    expect(changedSeed.out[2]).toBe(
      `✗ 种子哈希 seed hash  seedHash: record says ${record.seedHash}, recomputed ${seedHash(seed)}`,
    )
    expect(changedSeed.out.at(-1)).toMatch(/^不一致 MISMATCH — first difference: seedHash: /)

    const entries = record.entries.map((e) => (e.id === 'e3' ? { ...e, weight: 3 } : e))
    const changedWeight = run(recordFile({ ...record, entries }))
    expect(changedWeight.code).toBe(1)
    expect(changedWeight.out[1]).toMatch(/^✗ 名单哈希 list hash {2}listHash: record says 4e7dcb0a/)
    expect(changedWeight.out.at(-1)).toMatch(/first difference: listHash: record says/)

    const reordered = run(recordFile({ ...record, waitlist: ['e3', 'e10'] }))
    expect(reordered.code).toBe(1)
    expect(reordered.out.at(-1)).toBe(
      '不一致 MISMATCH — first difference: waitlist[0]: record says e3, recomputed e10',
    )
  })

  it('checks only the list hash before the draw, says so, and exits 0', () => {
    const record = { ...example(), seed: null, winners: [], waitlist: [], drawnAt: null }
    const { code, out } = run(recordFile(record))
    expect(code).toBe(0)
    expect(out).toHaveLength(4)
    expect(out[1]).toMatch(/^✓ 名单哈希 list hash/)
    expect(out[2]).toMatch(/^· 尚未开奖（seed 为 null）.*Not drawn yet/)
    expect(out[3]).toMatch(/the rest can be checked once the seed is revealed/)
    expect(run(recordFile({ ...record, winners: ['e1'] })).code).toBe(1)
  })

  it('reads a file saved with a byte-order mark', () => {
    expect(run(file(`\uFEFF${JSON.stringify(example())}`)).code).toBe(0)
  })

  it.each<[string, () => string[], RegExp]>([
    ['no file named', () => [], /^usage: npm run verify-draw -- <record\.json>$/],
    ['two files named', () => ['a.json', 'b.json'], /^usage/],
    [
      'a missing file',
      () => [join(dir, 'nope.json')],
      /^无法读取 cannot read .*nope\.json: ENOENT/,
    ],
    ['a file that is not JSON', () => [file('{"version": 1,')], /is not a draw record: not JSON/],
    ['JSON that is not a record', () => [file('[1, 2]')], /is not a draw record: .*JSON object/],
    [
      'a record without a weight policy',
      () => [recordFile({ ...example(), weightPolicy: undefined })],
      /is not a draw record: weightPolicy/,
    ],
    [
      'a record with a bad entry',
      () => [recordFile({ ...example(), entries: [{ id: 'a b', size: 1, weight: 1, label: '' }] })],
      /is not a draw record: entries\[0\]\.id/,
    ],
  ])('exits 2 with a clear message for %s', (_what, args, message) => {
    const { code, out, err } = run(...args())
    expect(code).toBe(2)
    expect(out).toEqual([])
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(message)
  })
})
