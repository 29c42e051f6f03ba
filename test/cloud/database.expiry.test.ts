import { startCloud, type TestCloud } from '../helpers/cloud'

// The 30 s lifetime is shortened (CLOUD_TX_LIFETIME_MS) so the test need not wait half a minute.
let cloud: TestCloud
beforeAll(async () => {
  process.env.CLOUD_TX_LIFETIME_MS = '1000'
  try {
    cloud = await startCloud({ functions: 'test/fixtures/functions' })
  } finally {
    delete process.env.CLOUD_TX_LIFETIME_MS
  }
})
afterAll(() => cloud.stop())

test('an abandoned transaction expires: its lock is released and its writes are dropped', async () => {
  const db = cloud.app().database()
  await db.createCollection('exp')
  await db.collection('exp').add({ _id: 'e', n: 0 })
  const abandoned = await db.startTransaction()
  await abandoned.collection('exp').doc('e').update({ n: 1 })
  const early = await db.startTransaction()
  await expect(early.collection('exp').doc('e').update({ n: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  await new Promise((r) => setTimeout(r, 1300))
  const later = await db.startTransaction()
  await later.collection('exp').doc('e').update({ n: 3 })
  await later.commit()
  await expect(abandoned.commit()).rejects.toHaveProperty('code')
  expect((await db.collection('exp').doc('e').get()).data).toEqual([{ _id: 'e', n: 3 }])
})
