import { startCloud, type TestCloud } from '../helpers/cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
  await cloud.app().database().createCollection('counters')
})
afterAll(() => cloud.stop())

test('200 concurrent guarded increments on one document never pass the bound', async () => {
  const db = cloud.app().database()
  const _ = db.command
  const bound = 37
  await db.collection('counters').add({ _id: 'seats', n: 0 })
  const results = await Promise.all(
    Array.from({ length: 200 }, () =>
      db
        .collection('counters')
        .where({ _id: 'seats', n: _.lt(bound) })
        .update({ n: _.inc(1) }),
    ),
  )
  const won = results.filter((r) => r.updated === 1).length
  const doc = (await db.collection('counters').doc('seats').get()).data as Array<{ n: number }>
  expect(doc[0].n).toBe(bound)
  expect(won).toBe(bound)
})
