import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
import { startCloud, type TestCloud } from '../helpers/cloud'

// Single-document transactions as CloudBase has them, through the real SDK.

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
  await db().createCollection('tx')
})
afterAll(() => cloud.stop())

const db = () => cloud.app().database()
const read = async (id: string) =>
  ((await db().collection('tx').doc(id).get()).data as Array<Record<string, unknown>>)[0] ?? null

test('get/update/set/remove/add inside; writes invisible outside until commit', async () => {
  await db()
    .collection('tx')
    .add([{ _id: 't1', n: 1 }, { _id: 't2', n: 2 }, { _id: 't3' }])
  const tx = await db().startTransaction()
  const inside = await tx.collection('tx').doc('t1').get()
  expect(inside.data).toEqual({ _id: 't1', n: 1 })
  await tx
    .collection('tx')
    .doc('t1')
    .update({ n: db().command.inc(10) })
  await tx.collection('tx').doc('t2').set({ replaced: true })
  await tx.collection('tx').doc('t3').remove()
  await tx.collection('tx').add({ _id: 't4', fresh: true })

  expect((await tx.collection('tx').doc('t1').get()).data).toEqual({ _id: 't1', n: 11 })
  expect(await read('t1')).toEqual({ _id: 't1', n: 1 })
  expect(await read('t2')).toEqual({ _id: 't2', n: 2 })
  expect(await read('t3')).toEqual({ _id: 't3' })
  expect(await read('t4')).toBeNull()

  await tx.commit()
  expect(await read('t1')).toEqual({ _id: 't1', n: 11 })
  expect(await read('t2')).toEqual({ _id: 't2', replaced: true })
  expect(await read('t3')).toBeNull()
  expect(await read('t4')).toEqual({ _id: 't4', fresh: true })
})

test('abort undoes everything', async () => {
  await db().collection('tx').add({ _id: 'a1', n: 1 })
  const tx = await db().startTransaction()
  await tx.collection('tx').doc('a1').update({ n: 99 })
  await tx.collection('tx').add({ _id: 'a2' })
  await tx.rollback()
  expect(await read('a1')).toEqual({ _id: 'a1', n: 1 })
  expect(await read('a2')).toBeNull()
})

test('a write-write conflict fails the second transaction; the first commits', async () => {
  await db().collection('tx').add({ _id: 'c1', n: 0 })
  const first = await db().startTransaction()
  const second = await db().startTransaction()
  await first.collection('tx').doc('c1').update({ n: 1 })
  await expect(second.collection('tx').doc('c1').update({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  await first.commit()
  expect(await read('c1')).toEqual({ _id: 'c1', n: 1 })
  // The conflicting transaction was aborted by the server.
  await expect(second.commit()).rejects.toHaveProperty('code')
})

test('a document committed after a transaction began is a conflict for it', async () => {
  await db().collection('tx').add({ _id: 'c2', n: 0 })
  const tx = await db().startTransaction()
  await db().collection('tx').doc('c2').update({ n: 5 })
  await expect(tx.collection('tx').doc('c2').update({ n: 1 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  expect(await read('c2')).toEqual({ _id: 'c2', n: 5 })
})

test('a plain write between a transaction write and its commit fails the commit', async () => {
  await db().collection('tx').add({ _id: 'c3', n: 0 })
  const tx = await db().startTransaction()
  await tx.collection('tx').doc('c3').update({ n: 1 })
  await db().collection('tx').doc('c3').update({ n: 7 })
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await read('c3')).toEqual({ _id: 'c3', n: 7 })
})

test('runTransaction retries a conflict and loses no update', async () => {
  await db().collection('tx').add({ _id: 'rt', n: 0 })
  let attempts = 0
  const blocker = await db().startTransaction()
  await blocker.collection('tx').doc('rt').update({ n: 100 })
  const run = db().runTransaction(async (tx: Transaction) => {
    attempts += 1
    const cur = (await tx.collection('tx').doc('rt').get()).data as { n: number }
    if (attempts === 1) await blocker.commit()
    await tx
      .collection('tx')
      .doc('rt')
      .update({ n: cur.n + 1 })
  })
  await run
  expect(attempts).toBe(2)
  expect(await read('rt')).toEqual({ _id: 'rt', n: 101 })
})

test('a duplicate add inside a transaction fails', async () => {
  await db().collection('tx').add({ _id: 'd1' })
  const tx = await db().startTransaction()
  await expect(tx.collection('tx').add({ _id: 'd1' })).rejects.toMatchObject({
    message: expect.stringContaining('E11000'),
  })
})

test('20 concurrent read-modify-write transactions on one document lose no update', async () => {
  await db().collection('tx').add({ _id: 'hot', n: 0 })
  let attempts = 0
  // runTransaction gives up after 3 retries; the caller retries the whole thing, as code must.
  const increment = async (): Promise<void> => {
    for (;;) {
      try {
        await db().runTransaction(async (tx: Transaction) => {
          attempts += 1
          const cur = (await tx.collection('tx').doc('hot').get()).data as { n: number }
          await tx
            .collection('tx')
            .doc('hot')
            .update({ n: cur.n + 1 })
        }, 3)
        return
      } catch (err) {
        if ((err as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') throw err
      }
    }
  }
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  await Promise.all(Array.from({ length: 20 }, increment))
  log.mockRestore()
  expect(await read('hot')).toEqual({ _id: 'hot', n: 20 })
  // They really did overlap: without conflicts this test would prove nothing.
  expect(attempts).toBeGreaterThan(20)
})

// Reads inside a transaction come from the snapshot taken when it began, as in MongoDB.

test('读偏 (read skew): reads keep the start snapshot; the write then conflicts', async () => {
  await db()
    .collection('tx')
    .add([
      { _id: 'skewA', n: 1 },
      { _id: 'skewB', n: 1 },
    ])
  const tx = await db().startTransaction()
  expect((await tx.collection('tx').doc('skewA').get()).data).toEqual({ _id: 'skewA', n: 1 })
  await db().collection('tx').doc('skewA').update({ n: 2 })
  await db().collection('tx').doc('skewB').update({ n: 2 })
  expect((await tx.collection('tx').doc('skewA').get()).data).toEqual({ _id: 'skewA', n: 1 })
  expect((await tx.collection('tx').doc('skewB').get()).data).toEqual({ _id: 'skewB', n: 1 })
  await expect(tx.collection('tx').doc('skewB').update({ n: 3 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  expect(await read('skewA')).toEqual({ _id: 'skewA', n: 2 })
  expect(await read('skewB')).toEqual({ _id: 'skewB', n: 2 })
})

test('another transaction committing after the start stays invisible too', async () => {
  await db().collection('tx').add({ _id: 'skewC', n: 1 })
  const tx = await db().startTransaction()
  const other = await db().startTransaction()
  await other.collection('tx').doc('skewC').update({ n: 2 })
  await other.collection('tx').add({ _id: 'skewD' })
  await other.commit()
  expect((await tx.collection('tx').doc('skewC').get()).data).toEqual({ _id: 'skewC', n: 1 })
  expect((await tx.collection('tx').doc('skewD').get()).data).toBeNull()
  await expect(tx.collection('tx').doc('skewC').update({ n: 3 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
})

test('a document inserted outside after the start is not visible inside', async () => {
  const tx = await db().startTransaction()
  await db().collection('tx').add({ _id: 'late', n: 1 })
  expect((await tx.collection('tx').doc('late').get()).data).toBeNull()
  // Creating it from the snapshot's view would overwrite a committed document.
  await expect(tx.collection('tx').add({ _id: 'late', n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  expect(await read('late')).toEqual({ _id: 'late', n: 1 })
})

test('a document removed outside after the start is still visible inside, and conflicts', async () => {
  await db().collection('tx').add({ _id: 'gone', n: 1 })
  const tx = await db().startTransaction()
  await db().collection('tx').doc('gone').remove()
  expect((await tx.collection('tx').doc('gone').get()).data).toEqual({ _id: 'gone', n: 1 })
  // A remove leaves no version behind; writing the document back would resurrect it.
  await expect(tx.collection('tx').doc('gone').update({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  expect(await read('gone')).toBeNull()
})

test("a transaction's own writes are visible to its later reads, over its snapshot", async () => {
  await db()
    .collection('tx')
    .add([
      { _id: 'own1', n: 1 },
      { _id: 'own2', n: 1 },
    ])
  await db().runTransaction(async (tx: Transaction) => {
    await db().collection('tx').doc('own2').update({ n: 50 })
    await tx
      .collection('tx')
      .doc('own1')
      .update({ n: db().command.inc(1) })
    await tx.collection('tx').add({ _id: 'own3', n: 3 })
    expect((await tx.collection('tx').doc('own1').get()).data).toEqual({ _id: 'own1', n: 2 })
    expect((await tx.collection('tx').doc('own3').get()).data).toEqual({ _id: 'own3', n: 3 })
    expect((await tx.collection('tx').doc('own2').get()).data).toEqual({ _id: 'own2', n: 1 })
  })
  expect(await read('own1')).toEqual({ _id: 'own1', n: 2 })
  expect(await read('own2')).toEqual({ _id: 'own2', n: 50 })
  expect(await read('own3')).toEqual({ _id: 'own3', n: 3 })
})

test('a transaction that began after a write sees it', async () => {
  await db().collection('tx').add({ _id: 'fresh', n: 1 })
  const early = await db().startTransaction()
  await db().collection('tx').doc('fresh').update({ n: 2 })
  const late = await db().startTransaction()
  expect((await early.collection('tx').doc('fresh').get()).data).toEqual({ _id: 'fresh', n: 1 })
  expect((await late.collection('tx').doc('fresh').get()).data).toEqual({ _id: 'fresh', n: 2 })
  await late.collection('tx').doc('fresh').update({ n: 3 })
  await late.commit()
  await early.rollback()
  expect(await read('fresh')).toEqual({ _id: 'fresh', n: 3 })
})
