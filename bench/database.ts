import { startCloud } from '../test/helpers/cloud'

export interface Figure {
  name: string
  value: string
}

const UPDATES = 2000
const CONCURRENCY = 8
const DOCS = 10_000
const QUERY_RUNS = 20

/** Local cloud database through the real SDK: update throughput and a 1,000-document query. */
export async function benchDatabase(): Promise<Figure[]> {
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
    for (let i = 0; i < 300; i += 1)
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
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]

    return [
      {
        name: `single-document updates/s (SDK, ${CONCURRENCY} in flight, ${UPDATES} updates)`,
        value: (UPDATES / updateSecs).toFixed(0),
      },
      {
        name: 'single-document updates/s (SDK, one at a time, 300 updates)',
        value: (300 / seqSecs).toFixed(0),
      },
      {
        name: `1,000-document query on ${DOCS.toLocaleString('en')} documents, median of ${QUERY_RUNS} (ms)`,
        value: median.toFixed(1),
      },
      { name: '  same, fastest (ms)', value: times[0].toFixed(1) },
    ]
  } finally {
    await cloud.stop()
  }
}
