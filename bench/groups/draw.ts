import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEFAULT_WEIGHT_POLICY,
  allocateSeats,
  drawOrder,
  listHash,
  newSeed,
  runDraw,
  seedHash,
  sortEntries,
  type DrawRecord,
} from '../../cloudfunctions/domain/draw'
import { startCloud } from '../../test/helpers/cloud'
import type { BenchGroup, Figure } from '../group'
import { median, round } from '../stats'

const ENTRIES = 100_000
const SEATS = 2000
const RUNS = 5
/** The most documents one database request may touch. */
const BATCH = 1000
/** `where({_id: _.in(batch)}).update()` batches timed for comparison (each scans on the local cloud). */
const IN_UPDATE_BATCHES = 3
const OUT = join(__dirname, '../out/draw-100000.json')

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚'

/**
 * A session of ENTRIES entries: opaque ids, parties of 1–3 (about 60 % singles), weights 1–4 as
 * the default policy gives them (most members at 1), masked names as labels.
 */
function session() {
  return Array.from({ length: ENTRIES }, (_v, i) => {
    const id = `E${(i * 7919 + 13).toString(36).padStart(6, '0')}`
    const mix = (i * 2654435761) >>> 0
    const size = mix % 10 < 6 ? 1 : mix % 10 < 9 ? 2 : 3
    const weight = [1, 1, 1, 1, 2, 2, 3, 4][(mix >>> 8) % 8]
    const label = `${SURNAMES[i % SURNAMES.length]}*${GIVEN[(i >>> 4) % GIVEN.length]}`
    return { id, size, weight, label }
  })
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let k = 0; k < items.length; k += BATCH) out.push(items.slice(k, k + BATCH))
  return out
}

const rssMB = () => process.memoryUsage().rss / 2 ** 20

/**
 * Issue 9's draw at scale: 100,000 entries on 2,000 seats, computed (pure, in this process),
 * then persisted through the local cloud within the 1,000-document cap; the draw's record goes
 * to bench/out/draw-100000.json for `npm run verify-draw`.
 */
const draw: BenchGroup = {
  name: 'draw',
  async run() {
    const entries = session()
    const seed = newSeed()
    const inputs = entries.map(({ id, size, weight }) => ({ id, size, weight }))

    // RSS: the draw is synchronous, so no timer can fire inside it; sampled between its
    // phases on one run, and around every timed run.
    const baselineMB = rssMB()
    let peakMB = baselineMB
    const sample = () => {
      peakMB = Math.max(peakMB, rssMB())
    }
    const sorted = sortEntries(inputs)
    sample()
    listHash(sorted)
    sample()
    const phased = drawOrder(sorted, seed)
    sample()
    allocateSeats(phased, SEATS)
    sample()

    const times: number[] = []
    let result = runDraw(inputs, seed, SEATS)
    for (let r = 0; r < RUNS; r += 1) {
      sample()
      const t0 = performance.now()
      result = runDraw(inputs, seed, SEATS)
      times.push(performance.now() - t0)
      sample()
    }
    console.error(
      `bench: draw of ${ENTRIES} in ${times.map((t) => t.toFixed(0)).join(', ')} ms; ${result.winners.length} winners, ${result.waitlist.length} waitlisted`,
    )

    const drawnAt = new Date()
    const record: DrawRecord = {
      version: 1,
      activityId: 'bench_draw',
      sessionId: 's1',
      seats: SEATS,
      entries: sortEntries(entries),
      listHash: result.listHash,
      seedHash: seedHash(seed),
      seed,
      winners: result.winners,
      waitlist: result.waitlist,
      weightPolicy: DEFAULT_WEIGHT_POLICY,
      committedAt: new Date(drawnAt.getTime() - 7 * 86_400_000).toISOString(),
      drawnAt: drawnAt.toISOString(),
    }
    mkdirSync(join(OUT, '..'), { recursive: true })
    writeFileSync(OUT, `${JSON.stringify(record)}\n`)

    // Persisting: one result per entry, in batches of at most BATCH documents.
    const outcomes = [
      ...result.winners.map((id, k) => ({ id, outcome: 'won', position: k + 1 })),
      ...result.waitlist.map((id, k) => ({ id, outcome: 'waitlisted', position: k + 1 })),
    ]
    const batches = chunks(outcomes)

    const cloud = await startCloud({ functions: 'test/fixtures/functions' })
    try {
      const db = cloud.app().database()
      const _ = db.command
      await db.createCollection('bench_draw_entries')
      await db.createCollection('bench_draw_results')
      const s0 = performance.now()
      for (let k = 0; k < ENTRIES; k += BATCH) {
        await db.collection('bench_draw_entries').add(
          inputs.slice(k, k + BATCH).map((e) => ({
            _id: e.id,
            size: e.size,
            weight: e.weight,
            status: 'entered',
          })),
        )
      }
      console.error(
        `bench: draw scratch entries inserted in ${round((performance.now() - s0) / 1000, 1)} s`,
      )

      // Each entry's outcome as its own document, `_id` from session and entry (so a rerun
      // finds what a killed run already wrote), inserted BATCH at a time.
      const w0 = performance.now()
      for (const batch of batches) {
        await db.collection('bench_draw_results').add(
          batch.map((o) => ({
            _id: `bench_draw_s1_${o.id}`,
            entryId: o.id,
            outcome: o.outcome,
            position: o.position,
            drawnAt,
          })),
        )
      }
      const writeMs = performance.now() - w0
      const written = (await db.collection('bench_draw_results').count()) as { total: number }
      if (written.total !== ENTRIES)
        throw new Error(`expected ${ENTRIES} results, the collection holds ${written.total}`)

      // The same outcomes as updates of the entries themselves, `_id` in a batch: one value per
      // batch, so a waitlist position cannot ride along; on the local cloud each scans the
      // collection, so only a few are timed.
      const inBatches = [
        ...chunks(result.winners).map((ids) => ({ ids, status: 'won' })),
        ...chunks(result.waitlist).map((ids) => ({ ids, status: 'waitlisted' })),
      ]
      const inTimes: number[] = []
      for (const batch of inBatches.slice(0, IN_UPDATE_BATCHES)) {
        const t0 = performance.now()
        const res = (await db
          .collection('bench_draw_entries')
          .where({ _id: _.in(batch.ids) })
          .update({ status: batch.status, drawnAt })) as { updated: number }
        inTimes.push(performance.now() - t0)
        if (res.updated !== batch.ids.length)
          throw new Error(`an _.in update changed ${res.updated} of ${batch.ids.length} entries`)
      }
      const inBatchMs = median(inTimes)

      const figures: Figure[] = [
        {
          key: 'entries',
          value: ENTRIES,
          unit: 'entries',
          what: 'entries in the one session drawn',
        },
        {
          key: 'seats',
          value: SEATS,
          unit: 'seats',
          what: `seats of the session (${result.winners.length} parties of 1–3 won, ${result.waitlist.length} waitlisted)`,
        },
        {
          key: 'ms',
          value: round(median(times), 1),
          unit: 'ms',
          what: `runDraw: sort, listHash, drawKey, order and seats, median of ${RUNS} runs (fastest ${round(Math.min(...times), 1)})`,
        },
        {
          key: 'peakRssMB',
          value: round(peakMB, 1),
          unit: 'MB',
          what: `process RSS, highest sampled between the draw's phases and around each run (${round(baselineMB, 1)} before)`,
        },
        {
          key: 'writeMs',
          value: round(writeMs, 1),
          unit: 'ms',
          what: `${ENTRIES.toLocaleString('en-US')} results (won / waitlisted with position) inserted through the SDK, ${batches.length} requests of ≤ ${BATCH} documents`,
        },
        {
          key: 'writeInUpdateBatchMs',
          value: round(inBatchMs, 1),
          unit: 'ms',
          what: `one where({_id: _.in(${BATCH} ids)}).update() on the ${ENTRIES.toLocaleString('en-US')} entries, median of ${IN_UPDATE_BATCHES} (no per-entry position; the ${inBatches.length} needed ≈ ${round((inBatchMs * inBatches.length) / 1000, 0)} s here, a full scan each on the local cloud)`,
        },
      ]
      return figures
    } finally {
      await cloud.stop()
    }
  },
}

export default draw
