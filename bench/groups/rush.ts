import { startApiCloud, type ApiCloud } from '../../test/functions/api-cloud'
import type { SeededMember } from '../../test/helpers/activities'
import {
  DEFAULT_IN_FLIGHT,
  countOutcomes,
  inFlightGate,
  partySizeOf,
  percentile,
  rushDriver,
  type RushRun,
} from '../../test/helpers/rush'
import type { BenchGroup, Figure } from '../group'
import { round } from '../stats'

const MEMBERS = 2000
const SEATS = 300
/** Activities are made through the api this many at a time before the uncontended rush. */
const SETUP_CONCURRENCY = 16
const NAIVE = 'naive_entries'

/** Invocation latencies (send to reply, without the wait for a slot) of every request. */
const latencies = (run: RushRun) => run.signups.flatMap((s) => s.ms)
const perSec = (run: RushRun) => run.signups.length / (run.wallMs / 1000)

/** How many times the scheduler's timer fired since `since` (it runs alongside, every minute). */
async function ticksSince(api: ApiCloud, since: number): Promise<number> {
  const res = await fetch(`${api.cloud.url}/dev/triggers`)
  const body = (await res.json()) as { history: Array<{ functionName: string; time: string }> }
  return body.history.filter(
    (f) => f.functionName === 'scheduler' && new Date(f.time).getTime() >= since,
  ).length
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>) {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next
        next += 1
        out[i] = await work(items[i])
      }
    }),
  )
  return out
}

/**
 * The count-then-insert signup of the open CloudBase signup apps, run from this process through
 * the SDK: count the session's rows (one per person: the member and each companion), then add
 * the party's rows if they still fit. Every member at once on one session of SEATS, at most
 * DEFAULT_IN_FLIGHT signups in flight, as for the api rush.
 */
async function naiveRush(api: ApiCloud, members: readonly SeededMember[]) {
  const db = api.cloud.app().database()
  await db.createCollection(NAIVE)
  const session = { activityId: 'naive-tea', sessionId: 's1' }
  let accepted = 0
  const slot = inFlightGate(DEFAULT_IN_FLIGHT)
  const t0 = performance.now()
  await Promise.all(
    members.map((member, index) =>
      slot(async () => {
        const size = partySizeOf(index)
        const counted = (await db
          .collection(NAIVE)
          .where({ ...session, status: 'confirmed' })
          .count()) as { total: number }
        if (counted.total + size > SEATS) return
        await db.collection(NAIVE).add(
          Array.from({ length: size }, (_v, k) => ({
            ...session,
            memberId: member.memberId,
            person: k,
            status: 'confirmed',
            createdAt: new Date(),
          })),
        )
        accepted += 1
      }),
    ),
  )
  const wallMs = performance.now() - t0
  const taken = (
    (await db
      .collection(NAIVE)
      .where({ ...session, status: 'confirmed' })
      .count()) as { total: number }
  ).total
  return { wallMs, accepted, taken, oversold: Math.max(0, taken - SEATS) }
}

/**
 * Issue 8's first-come rush on the local cloud, every figure from one run: 2,000 verified
 * members at once on one session of 300 seats through the api function; the same 2,000 signups
 * spread over 2,000 activities (one member each, no contention); and the naive count-then-insert
 * signup for comparison. Requests are all fired at once; at most DEFAULT_IN_FLIGHT invocations
 * run together (see test/helpers/rush.ts: the local cloud is one process).
 */
const rush: BenchGroup = {
  name: 'rush',
  async run() {
    const api = await startApiCloud({ seed: true })
    try {
      const driver = rushDriver(api)
      const members = await driver.seedMembers(MEMBERS, 'bench')

      const contendedFrom = Date.now()
      const contended = await driver.rush(members, SEATS, { label: 'benchRush' })
      const contendedTicks = await ticksSince(api, contendedFrom)
      const audit = await driver.audit(contended.activityId)
      const counts = countOutcomes(contended)
      console.error(
        `bench: rush contended ${JSON.stringify(counts)} in ${round(contended.wallMs / 1000, 1)} s`,
      )

      const sessions = await inBatches(
        members.map((_m, i) => i),
        SETUP_CONCURRENCY,
        () => driver.createFirstCome(SEATS, '抢票对照（无竞争）'),
      )
      const uncontendedFrom = Date.now()
      const uncontended = await driver.fire(
        members.map((member, index) => ({ index, member, ...sessions[index] })),
        { label: 'benchSpread' },
      )
      const uncontendedTicks = await ticksSince(api, uncontendedFrom)
      const spread = countOutcomes(uncontended)
      console.error(
        `bench: rush uncontended ${JSON.stringify(spread)} in ${round(uncontended.wallMs / 1000, 1)} s`,
      )

      const naive = await naiveRush(api, members)
      console.error(
        `bench: naive accepted ${naive.accepted}, rows ${naive.taken} in ${round(naive.wallMs / 1000, 1)} s`,
      )

      const ms = latencies(contended)
      const contendedRate = perSec(contended)
      const uncontendedRate = perSec(uncontended)
      const ticks = (n: number) => (n ? `; the scheduler's timer ran ${n}× meanwhile` : '')
      const figures: Figure[] = [
        {
          key: 'members',
          value: MEMBERS,
          unit: 'members',
          what: 'distinct verified members signing up at once',
        },
        { key: 'seats', value: SEATS, unit: 'seats', what: 'seats of the one first-come session' },
        {
          key: 'seatsTaken',
          value: audit.seatsTaken,
          unit: 'seats',
          what: `seat document's taken after the rush (${counts.accepted} parties of 1–3 accepted, ${counts.refused} 名额已满, ${counts.failed} failed)`,
        },
        {
          key: 'oversold',
          value: audit.oversold,
          unit: 'seats',
          what: `seats held by entries beyond the seats (held ${audit.seatsHeldByEntries})`,
        },
        {
          key: 'duplicateEntries',
          value: audit.duplicateEntries,
          unit: 'entries',
          what: 'members with a second live entry, or entries not at entryIdFor(activity, member)',
        },
        {
          key: 'signupsPerSec',
          value: round(contendedRate, 1),
          unit: 'signups/s',
          what: `entry.submit answered per second, all on one session (${DEFAULT_IN_FLIGHT} invocations at a time)${ticks(contendedTicks)}`,
        },
        {
          key: 'p50Ms',
          value: round(percentile(ms, 50), 1),
          unit: 'ms',
          what: 'median entry.submit invocation, send to reply',
        },
        {
          key: 'p99Ms',
          value: round(percentile(ms, 99), 1),
          unit: 'ms',
          what: '99th percentile entry.submit invocation',
        },
        {
          key: 'uncontendedSignupsPerSec',
          value: round(uncontendedRate, 1),
          unit: 'signups/s',
          what: `the same ${MEMBERS} signups, one per activity on ${MEMBERS} activities (${spread.accepted} accepted)${ticks(uncontendedTicks)}`,
        },
        {
          key: 'contentionRatio',
          value: round(uncontendedRate / contendedRate, 2),
          unit: '×',
          what: 'uncontendedSignupsPerSec / signupsPerSec',
        },
        {
          key: 'naiveOversold',
          name: 'naive.oversold',
          value: naive.oversold,
          unit: 'seats',
          what: `count-then-insert from the SDK, ${MEMBERS} at once on ${SEATS} seats: seats beyond them (${naive.taken} taken)`,
        },
        {
          key: 'naiveSignupsPerSec',
          name: 'naive.signupsPerSec',
          value: round(MEMBERS / (naive.wallMs / 1000), 1),
          unit: 'signups/s',
          what: 'the naive signups answered per second (straight from this process, no function)',
        },
      ]
      return figures
    } finally {
      await api.stop()
    }
  },
}

export default rush
