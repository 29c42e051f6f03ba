import { createHash, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEFAULT_WEIGHT_POLICY,
  DrawError,
  allocateSeats,
  cooldownEnd,
  describeWeightPolicy,
  drawKey,
  drawOrder,
  listHash,
  newSeed,
  parseDrawRecord,
  runDraw,
  seedHash,
  sortEntries,
  traceDraw,
  verifyRecord,
  weighEntrant,
  weightPolicyProblems,
  type DrawEntry,
  type DrawRecord,
  type WeightPolicy,
} from '../../cloudfunctions/domain/draw'

const DOC = readFileSync(join(__dirname, '../../docs/draw.md'), 'utf8')

/** The text after an `<!-- draw-example:<name> -->` marker in docs/draw.md. */
function afterMarker(name: string): string {
  const marker = `<!-- draw-example:${name} -->`
  const at = DOC.indexOf(marker)
  if (at < 0) throw new Error(`docs/draw.md has no ${marker}`)
  return DOC.slice(at + marker.length)
}

const docRecord = () => {
  const block = /^\s*```json\n([\s\S]*?)\n```/.exec(afterMarker('record'))
  if (!block) throw new Error('no json block after the record marker')
  return JSON.parse(block[1]) as DrawRecord
}
const inlineCode = (name: string) => /^`([^`]+)`/.exec(afterMarker(name))?.[1]

/** A seed fixed by a label, as the fairness suite makes them. */
const seedOf = (label: string) => createHash('sha256').update(label).digest('hex')

function recordOf(
  entries: Array<DrawEntry & { label?: string }>,
  seats: number,
  seed: string | null,
): DrawRecord {
  const result = seed === null ? null : runDraw(entries, seed, seats)
  return {
    version: 1,
    activityId: 'act_t',
    sessionId: 's1',
    seats,
    entries: sortEntries(entries).map(({ id, size, weight, label }) => ({
      id,
      size,
      weight,
      label: label ?? '张*三',
    })),
    listHash: listHash(entries),
    seedHash: seedHash(seed ?? seedOf('undrawn')),
    seed,
    winners: result?.winners ?? [],
    waitlist: result?.waitlist ?? [],
    weightPolicy: DEFAULT_WEIGHT_POLICY,
    committedAt: '2026-06-01T02:00:00.000Z',
    drawnAt: seed === null ? null : '2026-06-08T12:00:00.000Z',
  }
}

/** A small deterministic generator for random sessions (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomSession(seed: number, n: number, maxWeight = 5): DrawEntry[] {
  const rand = rng(seed)
  const ids = new Set<string>()
  const alphabet = 'ABCXYZabcxyz0189_-'
  while (ids.size < n) {
    const len = 1 + Math.floor(rand() * 4)
    let id = ''
    for (let k = 0; k < len; k += 1) id += alphabet[Math.floor(rand() * alphabet.length)]
    ids.add(id)
  }
  return [...ids].map((id) => ({
    id,
    size: 1 + Math.floor(rand() * 4),
    weight: 1 + Math.floor(rand() * maxWeight),
  }))
}

/**
 * The order exactly as docs/draw.md § 5 words it, with a straight walk of R: the reference the
 * Fenwick tree must agree with.
 */
function referenceOrder(entries: readonly DrawEntry[], seed: string): string[] {
  const R = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const canonical = JSON.stringify(R.map((e) => [e.id, e.size, e.weight]))
  const list = createHash('sha256').update(Buffer.from(canonical, 'utf8')).digest('hex')
  const key = createHmac('sha256', Buffer.from(seed, 'hex')).update(list, 'ascii').digest()
  const order: string[] = []
  for (let t = 0; R.length > 0; t += 1) {
    const W = R.reduce((sum, e) => sum + BigInt(e.weight), BigInt(0))
    const h = createHmac('sha256', key).update(`pick:${t}`, 'ascii').digest('hex')
    const r = BigInt(`0x${h}`) % W
    let running = BigInt(0)
    const i = R.findIndex((e) => (running += BigInt(e.weight)) > r)
    order.push(R[i].id)
    R.splice(i, 1)
  }
  return order
}

describe('the worked example of docs/draw.md', () => {
  const record = docRecord()
  const entries = record.entries.map(({ id, size, weight }) => ({ id, size, weight }))

  it('is a well-formed record that verifies', () => {
    expect(parseDrawRecord(record)).toEqual(record)
    const verification = verifyRecord(record)
    expect(verification).toMatchObject({ ok: true, drawn: true, firstDifference: null })
    expect(verification.checks.map((c) => [c.name, c.ok])).toEqual([
      ['listHash', true],
      ['seedHash', true],
      ['winners', true],
      ['waitlist', true],
    ])
  })

  it('states the canonical list text, the hashes and the key the code computes', () => {
    const canonical = JSON.stringify(sortEntries(entries).map((e) => [e.id, e.size, e.weight]))
    expect(inlineCode('canonical')).toBe(canonical)
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(record.listHash)
    expect(listHash(entries)).toBe(record.listHash)
    expect(seedHash(record.seed as string)).toBe(record.seedHash)
    expect(record.seed).toBe(seedOf('example:10'))
    expect(drawKey(record.seed as string, record.listHash)).toBe(inlineCode('drawKey'))
    for (const value of [record.listHash, record.seedHash]) expect(DOC).toContain(`= \`${value}\``)
  })

  it('traces every pick as the table says', () => {
    const table = afterMarker('picks').trim().split('\n')
    const rows = table
      .slice(2)
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|').map((cell) => cell.trim().replace(/`/g, '')))
      .map((cells) => ({
        t: Number(cells[1]),
        message: cells[2],
        W: Number(cells[3]),
        h: cells[4],
        r: Number(cells[5]),
        running: cells[6],
        id: cells[7],
      }))
    const trace = traceDraw(entries, record.seed as string)
    expect(trace.drawKey).toBe(inlineCode('drawKey'))
    expect(rows.map(({ t, W, h, r, id }) => ({ t, W, h, r, id }))).toEqual(trace.picks)
    for (const row of rows) {
      expect(row.message).toBe(`pick:${row.t}`)
      // The bold cell is the pick: the first running sum above r.
      expect(row.running).toContain(`**${row.id} `)
    }
    const order = runDraw(entries, record.seed as string, record.seats).order
    expect(DOC).toContain(`Order: ${order.join(', ')}.`)
    expect(order).toEqual(referenceOrder(entries, record.seed as string))
  })

  it('gives the winners and waitlist of the record, one smaller party fitting after a skip', () => {
    const result = runDraw(entries, record.seed as string, record.seats)
    expect(result.winners).toEqual(record.winners)
    expect(result.waitlist).toEqual(record.waitlist)
    expect(result).toMatchObject({
      order: ['e2', 'e4', 'e10', 'e1', 'e3'],
      winners: ['e2', 'e4', 'e1'],
      waitlist: ['e10', 'e3'],
    })
  })

  it('publishes the default weight policy as the code defines it', () => {
    expect(record.weightPolicy).toEqual(DEFAULT_WEIGHT_POLICY)
    const stated = /\(`DEFAULT_WEIGHT_POLICY`\): `([^`]+)`/.exec(DOC)?.[1]
    expect(JSON.parse(stated ?? 'null')).toEqual(DEFAULT_WEIGHT_POLICY)
    expect(DOC).toContain(describeWeightPolicy(DEFAULT_WEIGHT_POLICY))
  })
})

describe('entries, hashes and keys', () => {
  it('sorts ids by code unit, as strings: e1 < e10 < e2, - < digits < upper < _ < lower', () => {
    const ids = ['e2', 'e10', 'e1', 'a', '_', 'Z', '0', '-', 'e']
    const sorted = sortEntries(ids.map((id) => ({ id, size: 1, weight: 1 }))).map((e) => e.id)
    expect(sorted).toEqual(['-', '0', 'Z', '_', 'a', 'e', 'e1', 'e10', 'e2'])
  })

  it('keeps extra fields and does not change its input', () => {
    const input = [
      { id: 'b', size: 1, weight: 1, label: '李*' },
      { id: 'a', size: 2, weight: 3, label: '张*三' },
    ]
    expect(sortEntries(input)).toEqual([input[1], input[0]])
    expect(input[0].id).toBe('b')
  })

  it.each([
    ['an id outside the alphabet', [{ id: 'a b', size: 1, weight: 1 }], /id must be/],
    ['an empty id', [{ id: '', size: 1, weight: 1 }], /id must be/],
    ['a non-ASCII id', [{ id: '张三', size: 1, weight: 1 }], /id must be/],
    ['size 0', [{ id: 'a', size: 0, weight: 1 }], /size/],
    ['a fractional size', [{ id: 'a', size: 1.5, weight: 1 }], /size/],
    ['weight 0', [{ id: 'a', size: 1, weight: 0 }], /weight/],
    ['a fractional weight', [{ id: 'a', size: 1, weight: 0.5 }], /weight/],
    ['an unsafe weight', [{ id: 'a', size: 1, weight: 2 ** 53 }], /weight/],
    [
      'a duplicate id',
      [
        { id: 'a', size: 1, weight: 1 },
        { id: 'a', size: 2, weight: 1 },
      ],
      /twice/,
    ],
    [
      'a total weight beyond 2^53 − 1',
      [
        { id: 'a', size: 1, weight: Number.MAX_SAFE_INTEGER },
        { id: 'b', size: 1, weight: 1 },
      ],
      /total weight/,
    ],
  ])('refuses %s', (_what, entries, message) => {
    expect(() => sortEntries(entries)).toThrow(DrawError)
    expect(() => sortEntries(entries)).toThrow(message)
    expect(() => runDraw(entries, seedOf('x'), 3)).toThrow(DrawError)
  })

  it('draws a total weight of exactly 2^53 − 1', () => {
    const entries = [
      { id: 'a', size: 1, weight: Number.MAX_SAFE_INTEGER - 1 },
      { id: 'b', size: 1, weight: 1 },
    ]
    const seed = seedOf('big')
    expect(drawOrder(entries, seed).map((e) => e.id)).toEqual(referenceOrder(entries, seed))
  })

  it('hashes the canonical JSON of the sorted list, whatever order it came in, labels aside', () => {
    const entries = [
      { id: 'b', size: 2, weight: 1 },
      { id: 'a', size: 1, weight: 3 },
    ]
    const expected = createHash('sha256').update('[["a",1,3],["b",2,1]]').digest('hex')
    expect(listHash(entries)).toBe(expected)
    expect(listHash([...entries].reverse())).toBe(expected)
    expect(listHash(entries.map((e) => ({ ...e, label: '王*' })))).toBe(expected)
    expect(listHash([])).toBe(createHash('sha256').update('[]').digest('hex'))
    expect(listHash([{ id: 'a', size: 1, weight: 4 }, entries[0]])).not.toBe(expected)
  })

  it('makes 64-hex seeds and hashes their 32 bytes, not their text', () => {
    const seed = newSeed()
    expect(seed).toMatch(/^[0-9a-f]{64}$/)
    expect(newSeed()).not.toBe(seed)
    expect(seedHash(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'))
    expect(seedHash(seed)).not.toBe(createHash('sha256').update(seed).digest('hex'))
    expect(() => seedHash(seed.toUpperCase())).toThrow(DrawError)
    expect(() => seedHash(seed.slice(2))).toThrow(DrawError)
  })

  it('keys the draw with HMAC(seed bytes, ASCII listHash)', () => {
    const seed = seedOf('k')
    const list = listHash([{ id: 'a', size: 1, weight: 1 }])
    expect(drawKey(seed, list)).toBe(
      createHmac('sha256', Buffer.from(seed, 'hex')).update(list).digest('hex'),
    )
    expect(() => drawKey(seed, 'not a hash')).toThrow(DrawError)
  })
})

describe('the order', () => {
  it('agrees with the straight walk of docs/draw.md § 5 on random sessions', () => {
    for (let s = 0; s < 40; s += 1) {
      const entries = randomSession(s, 1 + ((s * 7) % 120), s % 3 === 0 ? 1_000_000 : 5)
      const seed = seedOf(`ref:${s}`)
      expect(drawOrder(entries, seed).map((e) => e.id)).toEqual(referenceOrder(entries, seed))
    }
  })

  it('is a permutation of the entries, the same for the same seed and list, another for another seed', () => {
    const entries = randomSession(99, 50)
    const a = drawOrder(entries, seedOf('p1')).map((e) => e.id)
    expect([...a].sort()).toEqual(entries.map((e) => e.id).sort())
    expect(drawOrder([...entries].reverse(), seedOf('p1')).map((e) => e.id)).toEqual(a)
    expect(drawOrder(entries, seedOf('p2')).map((e) => e.id)).not.toEqual(a)
    expect(drawOrder([], seedOf('p1'))).toEqual([])
  })

  it('depends on every size and weight through listHash', () => {
    const entries = randomSession(5, 40)
    const seed = seedOf('dep')
    const base = drawOrder(entries, seed).map((e) => e.id)
    const heavier = entries.map((e, i) => (i === 0 ? { ...e, weight: e.weight + 1 } : e))
    expect(listHash(heavier)).not.toBe(listHash(entries))
    expect(drawOrder(heavier, seed).map((e) => e.id)).not.toEqual(base)
  })

  it('orders 100,000 entries in well under a second', () => {
    const entries = Array.from({ length: 100_000 }, (_v, i) => ({
      id: `E${String(i).padStart(6, '0')}`,
      size: 1 + (i % 3),
      weight: 1 + (i % 4),
    }))
    const t0 = performance.now()
    const result = runDraw(entries, seedOf('big'), 2000)
    const ms = performance.now() - t0
    expect(result.order).toHaveLength(100_000)
    expect(new Set(result.order).size).toBe(100_000)
    expect(ms).toBeLessThan(2000)
  })
})

describe('seats: parties whole', () => {
  const entry = (id: string, size: number): DrawEntry => ({ id, size, weight: 1 })

  it('skips a party that does not fit and lets a smaller later one in', () => {
    const order = [entry('a', 2), entry('b', 3), entry('c', 1), entry('d', 2), entry('e', 1)]
    expect(allocateSeats(order, 4)).toEqual({ winners: ['a', 'c', 'e'], waitlist: ['b', 'd'] })
    expect(allocateSeats(order, 0)).toEqual({ winners: [], waitlist: ['a', 'b', 'c', 'd', 'e'] })
    expect(allocateSeats(order, 9)).toEqual({ winners: ['a', 'b', 'c', 'd', 'e'], waitlist: [] })
    expect(allocateSeats(order, 5)).toEqual({ winners: ['a', 'b'], waitlist: ['c', 'd', 'e'] })
    expect(() => allocateSeats(order, -1)).toThrow(DrawError)
    expect(() => allocateSeats(order, 1.5)).toThrow(DrawError)
  })

  it('never splits a party, never oversells, and waitlists only parties that did not fit', () => {
    for (let s = 0; s < 200; s += 1) {
      const entries = randomSession(1000 + s, 5 + (s % 40))
      const sizeOf = new Map(entries.map((e) => [e.id, e.size]))
      const seats = (s * 3) % 60
      const { order, winners, waitlist } = runDraw(entries, seedOf(`seats:${s}`), seats)
      const taken = winners.reduce((sum, id) => sum + (sizeOf.get(id) as number), 0)
      expect(taken).toBeLessThanOrEqual(seats)
      expect([...winners, ...waitlist].sort()).toEqual([...order].sort())
      // Walking the order again: each entry wins exactly when its whole party fits then.
      let left = seats
      for (const id of order) {
        const size = sizeOf.get(id) as number
        if (size <= left) {
          expect(winners).toContain(id)
          left -= size
        } else {
          expect(waitlist).toContain(id)
        }
      }
      expect(winners).toEqual(order.filter((id) => winners.includes(id)))
      expect(waitlist).toEqual(order.filter((id) => waitlist.includes(id)))
    }
  })
})

describe('verifyRecord', () => {
  const sessions = Array.from({ length: 25 }, (_v, s) => {
    const entries = randomSession(2000 + s, 6 + s * 3).map((e, i) => ({ ...e, label: `张*${i}` }))
    return recordOf(entries, 3 + s * 2, seedOf(`verify:${s}`))
  })

  it('agrees with runDraw on every record built from it', () => {
    for (const record of sessions) {
      const verification = verifyRecord(record)
      expect(verification.ok).toBe(true)
      expect(verification.checks.every((c) => c.ok && c.difference === null)).toBe(true)
      expect(verification.checks.find((c) => c.name === 'winners')?.expected).toBe(
        record.winners.join(','),
      )
    }
  })

  it('rejects a changed seed', () => {
    for (const record of sessions.slice(0, 10)) {
      const other = seedOf(`other:${record.listHash}`)
      const v = verifyRecord({ ...record, seed: other })
      expect(v.ok).toBe(false)
      expect(v.checks.map((c) => c.name)).toEqual(['listHash', 'seedHash', 'winners', 'waitlist'])
      expect(v.checks[1]).toMatchObject({
        ok: false,
        expected: seedHash(other),
        actual: record.seedHash,
      })
      expect(v.firstDifference).toBe(
        `seedHash: record says ${record.seedHash}, recomputed ${seedHash(other)}`,
      )
      // Even with its hash changed to match, the seed no longer gives the published result.
      const both = verifyRecord({ ...record, seed: other, seedHash: seedHash(other) })
      expect(both.ok).toBe(false)
      expect(both.firstDifference).toMatch(/^(winners|waitlist)\[\d+\]: record says/)
    }
  })

  it('rejects a swapped winner, naming the first difference', () => {
    const record = sessions.find((r) => r.winners.length >= 4 && r.waitlist.length >= 1)
    if (!record) throw new Error('no session with 4 winners and a waitlist')
    const swapped = [...record.winners]
    ;[swapped[1], swapped[3]] = [swapped[3], swapped[1]]
    const v = verifyRecord({ ...record, winners: swapped })
    expect(v.ok).toBe(false)
    expect(v.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['winners'])
    expect(v.firstDifference).toBe(
      `winners[1]: record says ${record.winners[3]}, recomputed ${record.winners[1]}`,
    )
    // A waitlisted entry put in a winner's place.
    const replaced = [record.waitlist[0], ...record.winners.slice(1)]
    const w = verifyRecord({ ...record, winners: replaced })
    expect(w.firstDifference).toBe(
      `winners[0]: record says ${record.waitlist[0]}, recomputed ${record.winners[0]}`,
    )
    // One winner dropped, one added.
    expect(verifyRecord({ ...record, winners: record.winners.slice(0, -1) }).firstDifference).toBe(
      `winners[${record.winners.length - 1}]: record says (nothing, its list ends), recomputed ${record.winners.at(-1)}`,
    )
    expect(verifyRecord({ ...record, winners: [...record.winners, 'zz'] }).firstDifference).toBe(
      `winners[${record.winners.length}]: record says zz, recomputed (nothing, the list ends)`,
    )
  })

  it('rejects a changed weight or size: the list hash no longer matches', () => {
    for (const record of sessions.slice(0, 10)) {
      const entries = record.entries.map((e, i) => (i === 2 ? { ...e, weight: e.weight + 1 } : e))
      const v = verifyRecord({ ...record, entries })
      expect(v.ok).toBe(false)
      expect(v.checks[0]).toMatchObject({ name: 'listHash', ok: false, actual: record.listHash })
      expect(v.firstDifference).toMatch(
        /^listHash: record says [0-9a-f]{64}, recomputed [0-9a-f]{64}$/,
      )
      const sized = record.entries.map((e, i) => (i === 0 ? { ...e, size: e.size + 1 } : e))
      expect(verifyRecord({ ...record, entries: sized }).checks[0].ok).toBe(false)
      // Labels are in no hash: a label changes nothing.
      const relabelled = record.entries.map((e) => ({ ...e, label: '某*' }))
      expect(verifyRecord({ ...record, entries: relabelled }).ok).toBe(true)
    }
  })

  it('rejects a reordered waitlist and a changed seat count', () => {
    const record = sessions.find((r) => r.waitlist.length >= 3)
    if (!record) throw new Error('no session with a waitlist of 3')
    const reordered = [record.waitlist[1], record.waitlist[0], ...record.waitlist.slice(2)]
    const v = verifyRecord({ ...record, waitlist: reordered })
    expect(v.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['waitlist'])
    expect(v.firstDifference).toBe(
      `waitlist[0]: record says ${record.waitlist[1]}, recomputed ${record.waitlist[0]}`,
    )
    const fewer = verifyRecord({ ...record, seats: 0 })
    expect(fewer.ok).toBe(false)
    expect(fewer.firstDifference).toMatch(/^winners\[0\]: record says \w*/)
  })

  it('checks only the list hash before the draw, and says so', () => {
    const entries = randomSession(7, 12)
    const record = recordOf(entries, 5, null)
    const v = verifyRecord(record)
    expect(v).toMatchObject({ ok: true, drawn: false, firstDifference: null })
    expect(v.checks.map((c) => c.name)).toEqual(['listHash'])
    expect(v.note).toMatch(/seed is null/)
    expect(v.note).toMatch(/只能核对名单哈希/)
    const claimed = verifyRecord({ ...record, winners: [entries[0].id] })
    expect(claimed.ok).toBe(false)
    expect(claimed.firstDifference).toBe(
      `winners[0]: record says ${entries[0].id}, recomputed (nothing, the list ends)`,
    )
  })
})

describe('parseDrawRecord', () => {
  const good = () => JSON.parse(JSON.stringify(docRecord())) as Record<string, unknown>

  it.each<[string, (r: Record<string, unknown>) => unknown, RegExp]>([
    ['not an object', () => [], /JSON object/],
    ['another version', (r) => ({ ...r, version: 2 }), /version must be 1/],
    ['no activityId', (r) => ({ ...r, activityId: undefined }), /activityId/],
    ['negative seats', (r) => ({ ...r, seats: -1 }), /seats/],
    ['entries not an array', (r) => ({ ...r, entries: {} }), /entries must be an array/],
    [
      'an entry without a label',
      (r) => ({ ...r, entries: [{ id: 'a', size: 1, weight: 1 }] }),
      /entries\[0\]\.label/,
    ],
    [
      'a weight of 0',
      (r) => ({ ...r, entries: [{ id: 'a', size: 1, weight: 0, label: '' }] }),
      /entries\[0\]\.weight/,
    ],
    [
      'a duplicate entry',
      (r) => ({
        ...r,
        entries: [
          { id: 'a', size: 1, weight: 1, label: '' },
          { id: 'a', size: 1, weight: 1, label: '' },
        ],
      }),
      /twice/,
    ],
    [
      'an uppercase listHash',
      (r) => ({ ...r, listHash: (r.listHash as string).toUpperCase() }),
      /listHash/,
    ],
    ['a short seed', (r) => ({ ...r, seed: 'abc' }), /seed must be/],
    ['winners not ids', (r) => ({ ...r, winners: [1, 2] }), /winners/],
    ['no weight policy', (r) => ({ ...r, weightPolicy: undefined }), /weightPolicy/],
    [
      'a bad weight policy',
      (r) => ({ ...r, weightPolicy: { ...DEFAULT_WEIGHT_POLICY, base: 0 } }),
      /weightPolicy: base/,
    ],
    ['drawnAt a number', (r) => ({ ...r, drawnAt: 5 }), /drawnAt/],
  ])('refuses %s, naming the field', (_what, change, message) => {
    expect(() => parseDrawRecord(change(good()))).toThrow(DrawError)
    expect(() => parseDrawRecord(change(good()))).toThrow(message)
  })

  it('keeps only the record fields', () => {
    const parsed = parseDrawRecord({ ...good(), extra: 1 })
    expect(parsed).toEqual(docRecord())
  })
})

describe('weight policy', () => {
  const NOW = new Date('2026-06-20T02:00:00Z') // 6月20日 10:00 in Beijing
  const none = { consecutiveLosses: 0, lastWinAt: null, bannedUntil: null }
  const policy = (change: Partial<WeightPolicy> = {}): WeightPolicy => ({
    ...DEFAULT_WEIGHT_POLICY,
    ...change,
  })

  it('adds weight for consecutive losses, up to the cap', () => {
    expect(weighEntrant(policy(), none, NOW)).toEqual({
      included: true,
      weight: 1,
      reason: '此前没有连续未中签 → 权重 1',
    })
    expect(weighEntrant(policy(), { ...none, consecutiveLosses: 2 }, NOW)).toEqual({
      included: true,
      weight: 3,
      reason: '连续 2 次未中签 → 权重 3',
    })
    expect(weighEntrant(policy(), { ...none, consecutiveLosses: 3 }, NOW)).toMatchObject({
      weight: 4,
      reason: '连续 3 次未中签 → 权重 4',
    })
    expect(weighEntrant(policy(), { ...none, consecutiveLosses: 7 }, NOW)).toEqual({
      included: true,
      weight: 4,
      reason: '连续 7 次未中签（加权已到上限 +3） → 权重 4',
    })
    const steep = policy({ base: 2, lossBonus: { perLoss: 3, cap: 5 } })
    expect(weighEntrant(steep, { ...none, consecutiveLosses: 1 }, NOW)).toMatchObject({ weight: 5 })
    expect(weighEntrant(steep, { ...none, consecutiveLosses: 2 }, NOW)).toMatchObject({ weight: 7 })
  })

  it('gives everyone the base weight without a loss bonus', () => {
    const flat = policy({ lossBonus: null })
    expect(weighEntrant(flat, { ...none, consecutiveLosses: 5 }, NOW)).toEqual({
      included: true,
      weight: 1,
      reason: '每个报名权重相同 → 权重 1',
    })
  })

  it('keeps a recent winner out for the cooldown, counted in Beijing days', () => {
    // Won at 00:30 on 6月1日 Beijing time, still 5月31日 in UTC: day 1 of 30 is 6月1日.
    const won = new Date('2026-05-31T16:30:00Z')
    const history = { ...none, lastWinAt: won }
    expect(cooldownEnd(policy(), won)).toEqual(new Date('2026-06-30T16:00:00Z'))
    expect(weighEntrant(policy(), history, NOW)).toEqual({
      included: false,
      reason: '上次中签在 30 天冷却期内（至6月30日），不参加本次抽签',
    })
    expect(weighEntrant(policy(), history, new Date('2026-06-30T15:59:59Z')).included).toBe(false)
    expect(weighEntrant(policy(), history, new Date('2026-06-30T16:00:00Z'))).toMatchObject({
      included: true,
      weight: 1,
    })
    expect(weighEntrant(policy({ cooldownDays: null }), history, NOW).included).toBe(true)
    expect(cooldownEnd(policy({ cooldownDays: null }), won)).toBeNull()
    // As stored (a string), the same.
    const stored = { ...none, lastWinAt: '2026-05-31T16:30:00.000Z' as unknown as Date }
    expect(weighEntrant(policy(), stored, NOW).included).toBe(false)
  })

  it('keeps a member under a no-show ban out, saying until when', () => {
    // 16:00 UTC on the 19th is midnight starting 6月20日 in Beijing: banned through the 19th.
    const midnight = { ...none, bannedUntil: new Date('2026-06-19T16:00:00Z') }
    const early = new Date('2026-06-10T02:00:00Z')
    expect(weighEntrant(policy(), midnight, early)).toEqual({
      included: false,
      reason: '因爽约暂停报名至6月19日，不参加本次抽签',
    })
    const afternoon = { ...none, bannedUntil: new Date('2026-06-20T06:30:00Z') }
    expect(weighEntrant(policy(), afternoon, NOW)).toEqual({
      included: false,
      reason: '因爽约暂停报名至6月20日 14:30，不参加本次抽签',
    })
    // Over at the instant it ends; ignored where the policy says so.
    expect(weighEntrant(policy(), midnight, new Date('2026-06-19T16:00:00Z')).included).toBe(true)
    expect(weighEntrant(policy({ excludeBanned: false }), afternoon, NOW)).toMatchObject({
      included: true,
      weight: 1,
    })
    // A ban is named before a cooldown.
    const both = { ...afternoon, lastWinAt: new Date('2026-06-10T02:00:00Z') }
    expect(weighEntrant(policy(), both, NOW)).toMatchObject({
      reason: expect.stringMatching(/^因爽约/),
    })
  })

  it('refuses an invalid policy and says what is wrong', () => {
    expect(weightPolicyProblems(DEFAULT_WEIGHT_POLICY)).toEqual([])
    expect(
      weightPolicyProblems({
        base: 0,
        lossBonus: { perLoss: -1, cap: 1.5 },
        cooldownDays: 0,
        excludeBanned: 'yes',
      }),
    ).toEqual([
      'base must be a positive integer',
      'lossBonus.perLoss must be an integer ≥ 0',
      'lossBonus.cap must be an integer ≥ 0',
      'cooldownDays must be a positive integer or null',
      'excludeBanned must be true or false',
    ])
    expect(() => weighEntrant(policy({ base: 0 }), none, NOW)).toThrow(DrawError)
  })

  it('describes the policy in words a member reads', () => {
    expect(describeWeightPolicy(DEFAULT_WEIGHT_POLICY)).toBe(
      '基础权重 1；此前每连续 1 次未中签加 1，最多加 3；中签当天起 30 天内不再参加抽签；因爽约被暂停报名的会员不参加抽签；同行人数不影响权重。',
    )
    expect(
      describeWeightPolicy({ base: 1, lossBonus: null, cooldownDays: null, excludeBanned: false }),
    ).toBe('基础权重 1；不按未中签次数加权；同行人数不影响权重。')
  })
})
