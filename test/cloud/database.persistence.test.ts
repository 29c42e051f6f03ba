import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloud } from '../helpers/cloud'

test('acknowledged writes survive a clean restart, with their types', async () => {
  const data = mkdtempSync(join(tmpdir(), 'zg-cloud-'))
  const when = new Date('2025-06-13T08:00:00.000Z')
  const first = await startCloud({ data, functions: 'test/fixtures/functions' })
  const db1 = first.app().database()
  await db1.createCollection('kept')
  await db1.collection('kept').add({ _id: 'a', n: 1, when, re: /x/i })
  await db1.collection('kept').add({ _id: 'b', n: 2 })
  await db1
    .collection('kept')
    .doc('a')
    .update({ n: db1.command.inc(41) })
  await db1.collection('kept').doc('b').remove()
  const tx = await db1.startTransaction()
  await tx.collection('kept').add({ _id: 'c', viaTx: true })
  await tx.commit()
  const before = (await db1.collection('kept').orderBy('_id', 'asc').get()).data
  await first.stop()

  const second = await startCloud({ data, functions: 'test/fixtures/functions' })
  const db2 = second.app().database()
  const docs = (await db2.collection('kept').orderBy('_id', 'asc').get()).data as Array<
    Record<string, unknown>
  >
  expect(docs).toEqual(before)
  expect(docs).toEqual([
    // The SDK itself hands regexes back as { pattern, options }.
    { _id: 'a', n: 42, when, re: { pattern: 'x', options: 'i' } },
    { _id: 'c', viaTx: true },
  ])
  expect(docs[0].when).toBeInstanceOf(Date)
  await second.stop()
})

test('--reset starts from an empty database', async () => {
  const data = mkdtempSync(join(tmpdir(), 'zg-cloud-'))
  const first = await startCloud({ data, functions: 'test/fixtures/functions' })
  await first.app().database().collection('notices').add({ _id: 'x' })
  await first.stop()
  const second = await startCloud({ data, functions: 'test/fixtures/functions', args: ['--reset'] })
  expect((await second.app().database().collection('notices').count()).total).toBe(0)
  await second.stop()
})
