import { startCloud } from '../../test/helpers/cloud'
import type { BenchGroup } from '../group'
import { median, round } from '../stats'

const UPDATES = 2000
const CONCURRENCY = 8
const SEQUENTIAL = 300
const DOCS = 10_000
const QUERY_RUNS = 20

/** The local cloud's database through the real SDK: update throughput and a 1,000-document query. */
const database: BenchGroup = {
  name: 'database',
  async run() {
    const cloud = await startCloud({ functions: 'test/fixtures/functions' })
    try {
      const db = cloud.app().database()
      const _ = db.command
      await db.createCollection('bench')

      await db.collection('bench').add({ _id: 'counter', n: 0 })
      let next = 0
      const worker = async () => {
        while (next < UPDATES) {
          next += 1
          await db
            .collection('bench')
            .doc('counter')
            .update({ n: _.inc(1) })
        }
      }
      const t0 = performance.now()
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
      const updateSecs = (performance.now() - t0) / 1000

      const seq0 = performance.now()
      for (let i = 0; i < SEQUENTIAL; i += 1)
        await db
          .collection('bench')
          .doc('counter')
          .update({ n: _.inc(1) })
      const seqSecs = (performance.now() - seq0) / 1000

      await db.createCollection('big')
      for (let k = 0; k < DOCS; k += 1000) {
        await db.collection('big').add(
          Array.from({ length: 1000 }, (_v, i) => ({
            i: k + i,
            group: (k + i) % 10,
            at: new Date(),
          })),
        )
      }
      const times: number[] = []
      for (let r = 0; r < QUERY_RUNS; r += 1) {
        const q0 = performance.now()
        const res = await db
          .collection('big')
          .where({ group: _.in([1, 3]), i: _.gte(2000) })
          .orderBy('i', 'asc')
          .limit(1000)
          .get()
        times.push(performance.now() - q0)
        if (res.data.length !== 1000)
          throw new Error(`expected 1000 documents, got ${res.data.length}`)
      }

      const docs = DOCS.toLocaleString('en-US')
      return [
        {
          key: 'updatesPerSec',
          value: Math.round(UPDATES / updateSecs),
          unit: 'updates/s',
          what: `single-document updates through the SDK, ${CONCURRENCY} in flight (${UPDATES.toLocaleString('en-US')} updates)`,
        },
        {
          key: 'updatesPerSecSequential',
          value: Math.round(SEQUENTIAL / seqSecs),
          unit: 'updates/s',
          what: `the same, one at a time (${SEQUENTIAL} updates)`,
        },
        {
          key: 'query1000Ms',
          value: round(median(times), 1),
          unit: 'ms',
          what: `a 1,000-document query on ${docs} documents, median of ${QUERY_RUNS}`,
        },
        {
          key: 'query1000FastestMs',
          value: round(Math.min(...times), 1),
          unit: 'ms',
          what: `the same query, fastest of ${QUERY_RUNS}`,
        },
      ]
    } finally {
      await cloud.stop()
    }
  },
}

export default database
