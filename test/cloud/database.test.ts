import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloud, type TestCloud } from '../helpers/cloud'

// The real SDK against a spawned local cloud: every database action, errors included.

let cloud: TestCloud
const schemaDir = mkdtempSync(join(tmpdir(), 'zg-schema-'))
const schema = join(schemaDir, 'schema.json')
writeFileSync(
  schema,
  JSON.stringify({
    collections: [
      { name: 'items', indexes: [] },
      { name: 'other', indexes: [] },
      { name: 'members', indexes: [{ name: 'openid_u', keys: { openid: 1 }, unique: true }] },
      {
        name: 'cards',
        indexes: [{ name: 'code_u', keys: { code: 1 }, unique: true, sparse: true }],
      },
    ],
  }),
)

beforeAll(async () => {
  cloud = await startCloud({ schema, functions: 'test/fixtures/functions' })
})
afterAll(() => cloud.stop())

const db = () => cloud.app().database()

describe('insert and read', () => {
  test('add gives a 32-hex id and get returns the document with its types', async () => {
    const when = new Date('2025-06-13T01:02:03.000Z')
    const res = await db()
      .collection('items')
      .add({ name: '山水相依', n: 3, f: 1.5, when, tags: ['a'], nested: { x: null } })
    expect(res.id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db()
      .collection('items')
      .doc(res.id as string)
      .get()
    expect(got.data).toEqual([
      { _id: res.id, name: '山水相依', n: 3, f: 1.5, when, tags: ['a'], nested: { x: null } },
    ])
    expect((got.data as Array<{ when: unknown }>)[0].when).toBeInstanceOf(Date)
  })

  test('a given _id is kept; a duplicate fails as production does', async () => {
    await db().collection('items').add({ _id: 'dup', v: 1 })
    await expect(db().collection('items').add({ _id: 'dup', v: 2 })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('E11000 duplicate key error'),
    })
    const got = await db().collection('items').doc('dup').get()
    expect(got.data).toEqual([{ _id: 'dup', v: 1 }])
  })

  test('serverDate becomes the server time', async () => {
    const before = Date.now()
    const { id } = await db().collection('items').add({ at: db().serverDate() })
    const got = await db()
      .collection('items')
      .doc(id as string)
      .get()
    const at = (got.data as Array<{ at: Date }>)[0].at
    expect(at).toBeInstanceOf(Date)
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
  })

  test('a missing collection fails; addCollection creates it', async () => {
    await expect(db().collection('nowhere').get()).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    })
    await expect(db().collection('nowhere').add({ a: 1 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    })
    await db().createCollection('nowhere')
    await db().collection('nowhere').add({ a: 1 })
    expect((await db().collection('nowhere').count()).total).toBe(1)
    await expect(db().createCollection('nowhere')).rejects.toHaveProperty('code')
  })
})

describe('queries', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      _id: `q${String(i).padStart(2, '0')}`,
      i,
      kind: i % 2 ? 'odd' : 'even',
      title: `标题${i}`,
    }))
    await db().collection('other').add(docs)
  })

  test('where with commands, orderBy, skip, limit, field', async () => {
    const _ = db().command
    const res = await db()
      .collection('other')
      .where({ kind: 'odd', i: _.gte(5).and(_.lt(25)) })
      .orderBy('i', 'desc')
      .skip(2)
      .limit(3)
      .field({ i: true })
      .get()
    expect(res.data).toEqual([
      { _id: 'q19', i: 19 },
      { _id: 'q17', i: 17 },
      { _id: 'q15', i: 15 },
    ])
  })

  test('regex and in/or', async () => {
    const _ = db().command
    const byRegex = await db()
      .collection('other')
      .where({ title: db().RegExp({ regexp: '^标题2\\d$', options: 'i' }) })
      .get()
    expect(byRegex.data).toHaveLength(10)
    const byOr = await db()
      .collection('other')
      .where(_.or([{ i: _.in([1, 2]) }, { i: 29 }]))
      .get()
    expect((byOr.data as Array<{ i: number }>).map((d) => d.i).sort()).toEqual([1, 2, 29])
  })

  test('count', async () => {
    expect((await db().collection('other').where({ kind: 'even' }).count()).total).toBe(15)
  })

  test('aggregate: match, group, sort', async () => {
    const $ = db().command.aggregate
    const res = await db()
      .collection('other')
      .aggregate()
      .match({ i: db().command.lt(10) })
      .group({ _id: '$kind', total: $.sum('$i'), n: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(res.data).toEqual([
      { _id: 'even', total: 20, n: 5 },
      { _id: 'odd', total: 25, n: 5 },
    ])
  })

  test('malformed queries get an error code and the server keeps serving', async () => {
    const raw = await cloud.post('/admin?env=local&seqId=1', {
      action: 'database.getDocument',
      collectionName: 'other',
      query: '{"i":{"$bogus":1}}',
      queryType: 'WHERE',
    })
    expect(raw.status).toBe(200)
    expect(raw.body).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    const notJson = await cloud.post('/admin?env=local&seqId=2', {
      action: 'database.getDocument',
      collectionName: 'other',
      query: '{not json',
    })
    expect(notJson.body).toMatchObject({ code: expect.any(String) })
    const agg = await cloud.post('/admin?env=local&seqId=3', {
      action: 'database.aggregateDocuments',
      collectionName: 'other',
      stages: [{ stageKey: '$nope', stageValue: '{}' }],
    })
    expect(agg.body).toMatchObject({ code: expect.any(String) })
    const unknown = await cloud.post('/admin?env=local&seqId=4', { action: 'database.nope' })
    expect(unknown.body).toMatchObject({ code: expect.any(String) })
    const garbage = await fetch(cloud.adminUrl, { method: 'POST', body: '}{' })
    expect(await garbage.json()).toMatchObject({ code: 'INVALID_PARAM' })
    expect((await db().collection('other').count()).total).toBe(30)
  })
})

describe('limits', () => {
  beforeAll(async () => {
    await db().createCollection('big')
    const docs = Array.from({ length: 1200 }, (_, i) => ({ i }))
    for (let k = 0; k < docs.length; k += 400) {
      await db()
        .collection('big')
        .add(docs.slice(k, k + 400))
    }
  })

  test('default limit is 100', async () => {
    expect((await db().collection('big').get()).data).toHaveLength(100)
  })

  test('limit is capped at 1000, also when a client asks for more on the wire', async () => {
    expect((await db().collection('big').limit(5000).get()).data).toHaveLength(1000)
    const raw = await cloud.post('/admin?env=local&seqId=1', {
      action: 'database.getDocument',
      collectionName: 'big',
      queryType: 'WHERE',
      limit: 5000,
    })
    const body = raw.body as { data: { list: string[] } }
    expect(body.data.list).toHaveLength(1000)
    expect(typeof body.data.list[0]).toBe('string')
  })

  test('count is not capped', async () => {
    expect((await db().collection('big').count()).total).toBe(1200)
  })
})

describe('updates and removes', () => {
  test('update operators on one document', async () => {
    const _ = db().command
    await db()
      .collection('items')
      .add({ _id: 'u1', n: 1, list: [1], gone: true, o: { a: 1 } })
    const res = await db()
      .collection('items')
      .doc('u1')
      .update({
        n: _.inc(2),
        list: _.push([2]),
        gone: _.remove(),
        o: { b: 2 },
        at: db().serverDate(),
      })
    expect(res.updated).toBe(1)
    const doc = (await db().collection('items').doc('u1').get()).data as Array<
      Record<string, unknown>
    >
    expect(doc[0]).toMatchObject({ _id: 'u1', n: 3, list: [1, 2], o: { a: 1, b: 2 } })
    expect(doc[0]).not.toHaveProperty('gone')
    expect(doc[0].at).toBeInstanceOf(Date)
  })

  test('set replaces, and upserts when absent', async () => {
    await db().collection('items').add({ _id: 's1', a: 1, b: 2 })
    const replaced = await db().collection('items').doc('s1').set({ c: 3 })
    expect(replaced.updated).toBe(1)
    expect((await db().collection('items').doc('s1').get()).data).toEqual([{ _id: 's1', c: 3 }])
    const created = await db().collection('items').doc('s2').set({ d: 4 })
    expect(created).toMatchObject({ updated: 0, upsertedId: 's2' })
    expect((await db().collection('items').doc('s2').get()).data).toEqual([{ _id: 's2', d: 4 }])
  })

  test('where().update is multi; updated counts changed documents', async () => {
    const _ = db().command
    await db().createCollection('multi')
    await db()
      .collection('multi')
      .add([{ g: 1 }, { g: 1 }, { g: 2 }])
    const res = await db().collection('multi').where({ g: 1 }).update({ seen: true })
    expect(res.updated).toBe(2)
    const again = await db().collection('multi').where({ g: 1 }).update({ seen: true })
    expect(again.updated).toBe(0)
    expect(
      (
        await db()
          .collection('multi')
          .where({ seen: _.exists(true) })
          .count()
      ).total,
    ).toBe(2)
  })

  test('guarded update fails when the guard does not hold', async () => {
    const _ = db().command
    await db().collection('items').add({ _id: 'cap', taken: 9 })
    const ok = await db()
      .collection('items')
      .where({ _id: 'cap', taken: _.lte(9) })
      .update({ taken: _.inc(1) })
    expect(ok.updated).toBe(1)
    const full = await db()
      .collection('items')
      .where({ _id: 'cap', taken: _.lte(9) })
      .update({ taken: _.inc(1) })
    expect(full.updated).toBe(0)
  })

  test('updateAndReturn gives the new document', async () => {
    const _ = db().command
    await db().collection('items').add({ _id: 'r1', n: 1 })
    const res = await db()
      .collection('items')
      .where({ _id: 'r1' })
      .updateAndReturn({ n: _.inc(5) })
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'r1', n: 6 } })
  })

  test('remove one and many', async () => {
    await db().createCollection('rm')
    await db()
      .collection('rm')
      .add([{ _id: 'a', k: 1 }, { k: 2 }, { k: 2 }])
    expect((await db().collection('rm').doc('a').remove()).deleted).toBe(1)
    expect((await db().collection('rm').doc('a').remove()).deleted).toBe(0)
    expect((await db().collection('rm').where({ k: 2 }).remove()).deleted).toBe(2)
    expect((await db().collection('rm').count()).total).toBe(0)
  })
})

describe('unique indexes from the schema file', () => {
  test('a second document with the same key fails with E11000, also on update', async () => {
    await db().collection('members').add({ _id: 'm1', openid: 'o1' })
    await expect(db().collection('members').add({ _id: 'm2', openid: 'o1' })).rejects.toMatchObject(
      {
        code: 'DATABASE_REQUEST_FAILED',
        message: expect.stringContaining('E11000 duplicate key error'),
      },
    )
    await db().collection('members').add({ _id: 'm3', openid: 'o3' })
    await expect(
      db().collection('members').doc('m3').update({ openid: 'o1' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('E11000') })
    // Freed keys can be taken again.
    await db().collection('members').doc('m1').remove()
    await db().collection('members').doc('m3').update({ openid: 'o1' })
    expect((await db().collection('members').where({ openid: 'o1' }).count()).total).toBe(1)
  })

  test('missing fields index as null unless the index is sparse', async () => {
    await db().collection('members').add({ _id: 'n1' })
    await expect(db().collection('members').add({ _id: 'n2' })).rejects.toMatchObject({
      message: expect.stringContaining('E11000'),
    })
    await db().collection('cards').add({ _id: 'c1' })
    await db().collection('cards').add({ _id: 'c2' })
    await db().collection('cards').add({ _id: 'c3', code: 'x' })
    await expect(db().collection('cards').add({ _id: 'c4', code: 'x' })).rejects.toMatchObject({
      message: expect.stringContaining('E11000'),
    })
  })
})
