import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { demoData } from '../../../cloud/seed'
import { actions } from '../../../cloudfunctions/contract/actions'
import {
  ADMIN,
  CHECKER,
  MEMBER,
  STAFF,
  UNVERIFIED,
  startApiCloud,
  type ApiCloud,
} from '../api-cloud'
import { runSeed } from './random'
import { fuzzAction, problemsOf, type ActionResult, type Identity } from './run'
import { actionModels } from './schema'

/**
 * Issue 7, part 2: every action of the contract, walked from `actions` (so a new one is fuzzed
 * with no change here), gets at least 1,000 distinct payloads that are certainly invalid, sent as
 * an unknown openid, an unverified member, a member, staff and an admin. Every reply must be a
 * refusal from the error table with a Chinese message, the function log must stay free of errors
 * and the database must not change.
 *
 * Every payload goes to every identity: INVALID_INPUT from those the action allows, FORBIDDEN
 * from those it refuses (the guard runs before the payload is read).
 *
 * FUZZ_SEED=<n> repeats a run; FUZZ_PAYLOADS=<n> changes the count; FUZZ_REFUSED_EVERY=<k> sends
 * only every k-th payload to the refused identities, for a quicker run by hand.
 *
 * The actions are dealt round the shards `test/functions/fuzz-<k>.test.ts`, one file each, so
 * that jest's workers share the work (each shard has its own local cloud, whose one process is
 * what bounds a shard's speed).
 */
export const FUZZ_SHARDS = 3
const SEED = runSeed()
const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 1000)
const REFUSED_EVERY = Math.max(1, Number(process.env.FUZZ_REFUSED_EVERY ?? 1))
/** The local cloud runs every invocation in one process; more in flight only queues there. */
const CONCURRENCY = 12

const IDENTITIES: Identity[] = [
  { label: 'unknown openid', openid: 'o-fuzz-unknown', roles: ['everyone'] },
  { label: 'unverified', openid: UNVERIFIED, roles: ['everyone'] },
  { label: 'member', openid: MEMBER, roles: ['everyone', 'member'] },
  { label: 'staff', openid: STAFF, roles: ['everyone', 'staff'] },
  { label: 'admin', openid: ADMIN, roles: ['everyone', 'admin'] },
]
/** For an action only a checker may call (none yet): its payloads must still be read. */
const RESERVES: Identity[] = [{ label: 'checker', openid: CHECKER, roles: ['everyone', 'checker'] }]

/** Real ids to slip into valid-looking fields: other members' ids and openids, notices. */
const seeded = demoData(new Date())
const POOLS = {
  ids: [
    ...seeded.collections.members.slice(0, 6).map((m) => String(m._id)),
    ...seeded.collections.members.slice(0, 3).map((m) => String(m.cardNo)),
    ...seeded.identities.map((i) => i.openid),
    ...seeded.collections.notices.map((n) => String(n._id)),
  ],
}

const MODELS = actionModels()

/** Registers shard `shard` (1-based): the actions whose index in the table ≡ shard − 1 (mod FUZZ_SHARDS). */
export function fuzzShard(shard: number): void {
  const results: ActionResult[] = []
  let api: ApiCloud
  let started = 0
  const mine = MODELS.filter((_, index) => index % FUZZ_SHARDS === shard - 1)
  const summaryFile = join(__dirname, `../../../.cache/fuzz-summary-${shard}.json`)

  beforeAll(async () => {
    api = await startApiCloud()
    started = Date.now()
  })

  afterAll(async () => {
    await api?.stop()
    const total = (pick: (r: ActionResult) => number) => results.reduce((n, r) => n + pick(r), 0)
    const summary = {
      seed: SEED,
      shard: `${shard}/${FUZZ_SHARDS}`,
      actions: results.length,
      payloads: total((r) => r.payloads),
      requests: total((r) => r.requests),
      replies: total((r) => r.replies),
      failures: total((r) => r.failures),
      databaseChanges: total((r) => r.changed.length),
      logLines: total((r) => r.logLines.length),
      invalidInputNamingNoField: total((r) => r.unnamed),
      refusedEvery: REFUSED_EVERY,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      perAction: results.map(({ examples: _examples, ...rest }) => rest),
    }
    mkdirSync(join(summaryFile, '..'), { recursive: true })
    writeFileSync(summaryFile, JSON.stringify(summary, null, 2))
    console.log(
      `fuzz ${summary.shard}: ${summary.actions} actions, ${summary.payloads} payloads, ${summary.requests} requests, ` +
        `${summary.replies} replies checked, ${summary.failures} failed, ` +
        `${summary.databaseChanges} database changes, ${summary.logLines} log lines, ` +
        `${summary.invalidInputNamingNoField} INVALID_INPUT naming no field, ` +
        `${summary.seconds}s, seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`,
    )
  })

  it('walks every action of the contract, each in one of the shards', () => {
    expect(MODELS.map((m) => m.name)).toEqual(Object.keys(actions))
    for (let k = 1; k <= FUZZ_SHARDS; k += 1)
      expect(existsSync(join(__dirname, `../fuzz-${k}.test.ts`))).toBe(true)
    expect(mine.length).toBeGreaterThan(0)
    expect(PAYLOADS).toBeGreaterThanOrEqual(1)
  })

  it.each(mine.map((m) => m.name))(
    '%s refuses every bad payload and changes nothing',
    async (name) => {
      const model = mine.find((m) => m.name === name)
      if (!model) throw new Error(`no model for ${name}`)
      let result: ActionResult
      try {
        result = await fuzzAction(api, model, IDENTITIES, {
          seed: SEED,
          payloads: PAYLOADS,
          concurrency: CONCURRENCY,
          refusedEvery: REFUSED_EVERY,
          pools: POOLS,
          reserves: RESERVES,
        })
      } catch (error) {
        throw new Error(`fuzz FUZZ_SEED=${SEED} action=${name}: ${String(error)}`)
      }
      results.push(result)
      const problems = problemsOf(result, SEED)
      if (problems) throw new Error(problems)
      expect(result.payloads).toBe(PAYLOADS)
    },
    300_000,
  )
}
