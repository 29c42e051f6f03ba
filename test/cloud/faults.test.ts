import { startCloud, type TestCloud } from '../helpers/cloud'

/**
 * The fault switch of the local cloud (issue 7, part 1), through the real SDK and the fixture
 * function `writer`, which inserts one document per id it is given.
 */
let cloud: TestCloud
let run = 0

beforeAll(async () => {
  cloud = await startCloud({ functions: 'test/fixtures/functions' })
})
afterEach(() => cloud.clearFaults())
afterAll(() => cloud?.stop())

/** A fresh collection per test, so counts never mix. */
async function collection(): Promise<string> {
  run += 1
  const name = `faults_${run}`
  await cloud.app().database().createCollection(name)
  return name
}

async function ids(name: string): Promise<string[]> {
  const res = (await cloud.app().database().collection(name).get()) as { data: { _id: string }[] }
  return res.data.map((d) => d._id).sort()
}

async function writer(event: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  return cloud.post('/dev/fn/writer', event, { 'x-dev-openid': 'o-writer' })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('fault switch', () => {
  it('with no fault set counts writes and changes nothing', async () => {
    const name = await collection()
    expect(await cloud.setFaults({})).toMatchObject({ writes: 0, injected: [] })
    const reply = await writer({ collection: name, ids: ['a', 'b', 'c'] })
    expect(reply).toEqual({ status: 200, body: { written: 3 } })
    expect(await cloud.faults()).toMatchObject({ writes: 3, writesBy: { writer: 3 } })
    expect(await ids(name)).toEqual(['a', 'b', 'c'])
  })

  it('fails the Nth write from now with a code of the real service; nothing of it is written', async () => {
    const name = await collection()
    await cloud.setFaults({ failWrite: 2 })
    const reply = await writer({ collection: name, ids: ['a', 'b', 'c'] })
    expect(reply.status).toBe(500)
    expect(reply.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' })
    expect(JSON.stringify(reply.body)).toContain('数据库请求超时')
    expect(await ids(name)).toEqual(['a'])
    expect((await cloud.faults()).injected).toEqual([
      { kind: 'fail', action: 'database.insertDocument', write: 2, code: 'DATABASE_TIMEOUT' },
    ])
    // Once only: the next writes go through.
    await cloud.app().database().collection(name).add({ _id: 'd' })
    expect(await ids(name)).toEqual(['a', 'd'])
  })

  it('fails writes from outside any function too, as the SDK sees them', async () => {
    const name = await collection()
    await cloud.setFaults({ failWrite: 1, failureCode: 'SYS_ERR' })
    await expect(cloud.app().database().collection(name).add({ _id: 'x' })).rejects.toMatchObject({
      code: 'SYS_ERR',
    })
    expect(await ids(name)).toEqual([])
  })

  it('repeats a random failure pattern exactly for the same seed', async () => {
    const pattern = async (seed: number): Promise<string> => {
      const name = await collection()
      await cloud.setFaults({ seed, writeFailureRate: 0.4 })
      const db = cloud.app().database().collection(name)
      let marks = ''
      for (let i = 0; i < 30; i += 1) {
        marks += await db.add({ _id: `d${i}` }).then(
          () => '.',
          () => 'x',
        )
      }
      const report = await cloud.faults()
      expect(report.faults?.seed).toBe(seed)
      expect(report.injected.filter((e) => e.kind === 'fail')).toHaveLength(
        marks.split('x').length - 1,
      )
      return marks
    }
    const first = await pattern(20261121)
    expect(first).toContain('x')
    expect(first).toContain('.')
    expect(await pattern(20261121)).toBe(first)
    expect(await pattern(7)).not.toBe(first)
  })

  it('picks a seed when none is given and reports it, so the run can be repeated', async () => {
    const report = await cloud.setFaults({ writeFailureRate: 0.5 })
    expect(Number.isInteger(report.faults?.seed)).toBe(true)
  })

  it('delays every database operation by a fixed or random time', async () => {
    const name = await collection()
    await cloud.setFaults({ delayMs: [120, 160] })
    const started = Date.now()
    await cloud.app().database().collection(name).get()
    expect(Date.now() - started).toBeGreaterThanOrEqual(120)
  })

  it('kills an invocation right after its Nth write: the caller gets the crash, the rest is never written', async () => {
    const name = await collection()
    await cloud.setFaults({ killAfterWrite: 2 })
    const reply = await writer({ collection: name, ids: ['a', 'b', 'c', 'd'], marker: 'k1' })
    expect(reply.status).toBe(500)
    expect(reply.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' })
    expect(JSON.stringify(reply.body)).toContain('process exited unexpectedly')
    await settle()
    expect(await ids(name)).toEqual(['a', 'b'])
    // A dead process prints nothing more.
    expect(cloud.output()).not.toContain('[writer] done k1')
    expect((await cloud.faults()).injected).toEqual([
      { kind: 'kill', action: 'database.insertDocument', write: 2, function: 'writer' },
    ])
  })

  it('kills after the Nth write even with writes in flight at once: exactly N land', async () => {
    const name = await collection()
    await cloud.setFaults({ killAfterWrite: 3, delayMs: [0, 20], seed: 5 })
    const reply = await writer({
      collection: name,
      ids: ['a', 'b', 'c', 'd', 'e', 'f'],
      parallel: true,
    })
    expect(reply.status).toBe(500)
    await settle()
    expect(await ids(name)).toHaveLength(3)
  })

  it('limits kills to the named function', async () => {
    const name = await collection()
    await cloud.setFaults({ killAfterWrite: 1, function: 'another' })
    const reply = await writer({ collection: name, ids: ['a', 'b'], marker: 'k2' })
    expect(reply).toEqual({ status: 200, body: { written: 2 } })
    expect(cloud.output()).toContain('[writer] done k2')
  })

  it('kills at random with a seed, and every kill is reported', async () => {
    const name = await collection()
    await cloud.setFaults({ killRate: 0.3, seed: 99, function: 'writer' })
    // One after another, so the seed alone decides which writes kill: the run repeats exactly.
    const replies: Array<{ status: number; body: unknown }> = []
    for (let i = 0; i < 10; i += 1)
      replies.push(await writer({ collection: name, ids: [`p${i}a`, `p${i}b`, `p${i}c`] }))
    const killed = replies.filter((r) => r.status === 500).length
    expect(killed).toBeGreaterThan(0)
    expect(killed).toBeLessThan(10)
    await settle()
    const report = await cloud.faults()
    const kills = report.injected.filter((e) => e.kind === 'kill')
    // Each killed invocation wrote exactly up to its kill point, the others all three.
    const seen = { killed, kills: kills.length, written: (await ids(name)).length }
    const expected = {
      killed,
      kills: killed,
      written: (10 - killed) * 3 + kills.reduce((sum, e) => sum + e.write, 0),
    }
    expect({ ...seen, replies }).toEqual({ ...expected, replies })
  })

  it('refuses a malformed description and keeps the faults as they were', async () => {
    await cloud.setFaults({ failWrite: 3 })
    for (const bad of [{ killAfterWrite: 0 }, { writeFailureRate: 2 }, { nonsense: true }]) {
      const res = await fetch(`${cloud.url}/dev/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bad),
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' })
    }
    expect((await cloud.faults()).faults).toMatchObject({ failWrite: 3 })
  })

  it('DELETE switches every fault off', async () => {
    const name = await collection()
    await cloud.setFaults({ writeFailureRate: 1 })
    expect(await cloud.clearFaults()).toEqual({
      faults: null,
      writes: 0,
      writesBy: {},
      injected: [],
    })
    await cloud.app().database().collection(name).add({ _id: 'ok' })
    expect(await ids(name)).toEqual(['ok'])
  })
})

describe('--faults at start', () => {
  it('takes a description on the command line, for trying by hand', async () => {
    const other = await startCloud({ args: ['--faults', '{"failWrite":1,"seed":1}'] })
    try {
      const db = other.app().database()
      await db.createCollection('by_hand')
      await expect(db.collection('by_hand').add({ _id: 'a' })).rejects.toMatchObject({
        code: 'DATABASE_TIMEOUT',
      })
      await db.collection('by_hand').add({ _id: 'b' })
      expect((await other.faults()).writes).toBe(2)
    } finally {
      await other.stop()
    }
  })
})
