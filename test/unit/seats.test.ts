import type { EntryStatus } from '../../cloudfunctions/contract/entry'
import { entryIdFor, type EntryRecord } from '../../cloudfunctions/domain/entry'
import {
  seatIdFor,
  seatRepairs,
  seatsHeldByEntries,
  type SeatHolder,
  type SeatRecord,
} from '../../cloudfunctions/domain/seats'

const MINUTE = 60_000
const NOW = new Date('2026-06-10T02:00:00Z')
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE)
/** Only what is older than this is repaired: younger belongs to a run still going. */
const STALE_BEFORE = ago(5)
const ACTIVITY = 'activity-tea'

function holder(memberId: string, request: string, size = 1, at = ago(30)): SeatHolder {
  const companions = Array.from({ length: size - 1 }, (_, i) => ({ name: `同行${i}` }))
  return {
    entry: entryIdFor(ACTIVITY, memberId),
    size,
    companions,
    request,
    byStaff: false,
    actor: `openid-${memberId}`,
    at,
  }
}

function seat(holders: Record<string, SeatHolder>, sessionId = 's1'): SeatRecord {
  const taken = Object.values(holders).reduce((sum, h) => sum + h.size, 0)
  return {
    _id: seatIdFor(ACTIVITY, sessionId),
    activityId: ACTIVITY,
    sessionId,
    seats: 30,
    taken,
    holders,
  }
}

function entry(
  memberId: string,
  seatRequest: string | null,
  over: Partial<EntryRecord> & { status?: EntryStatus } = {},
): EntryRecord {
  const partySize = over.partySize ?? 1
  return {
    _id: entryIdFor(ACTIVITY, memberId),
    activityId: ACTIVITY,
    memberId,
    sessionId: 's1',
    allocation: 'first-come',
    status: 'confirmed',
    companions: Array.from({ length: partySize - 1 }, (_, i) => ({ name: `同行${i}` })),
    partySize,
    byStaff: false,
    actor: `openid-${memberId}`,
    cancelReason: null,
    seatRequest,
    sessionStartAt: new Date('2026-06-13T06:15:00Z'),
    version: 1,
    createdAt: ago(30),
    updatedAt: ago(30),
    lastRequest: seatRequest,
    requests: seatRequest ? [seatRequest] : [],
    ...over,
  }
}

const byMember = (...entries: EntryRecord[]) => new Map(entries.map((e) => [e.memberId, e]))

describe('seatRepairs', () => {
  it('asks nothing when every holder has its entry and every entry its holder', () => {
    const s = seat({ m1: holder('m1', 'r1', 2), m2: holder('m2', 'r2') })
    const entries = byMember(entry('m1', 'r1', { partySize: 2 }), entry('m2', 'r2'))
    expect(seatRepairs(s, entries, STALE_BEFORE)).toEqual([])
    expect(seatsHeldByEntries(s, entries.values())).toBe(s.taken)
  })

  it('restores the entry of a seat taken by a run that died before writing it', () => {
    const h = holder('m1', 'r1', 2)
    expect(seatRepairs(seat({ m1: h }), byMember(), STALE_BEFORE)).toEqual([
      { kind: 'restore', memberId: 'm1', holder: h },
    ])
  })

  it('restores over a cancelled entry when the member signed up again and the run died', () => {
    const h = holder('m1', 'r2')
    const old = entry('m1', 'r1', { status: 'cancelled' })
    expect(seatRepairs(seat({ m1: h }), byMember(old), STALE_BEFORE)).toEqual([
      { kind: 'restore', memberId: 'm1', holder: h },
    ])
  })

  it('releases a seat taken by a request whose member already had an entry elsewhere', () => {
    // Two taps on two sessions at once: both took seats, the entry went to s2, the run that
    // held s1 died before giving its seat back.
    const h = holder('m1', 'r2', 2)
    const elsewhere = entry('m1', 'r1', { sessionId: 's2' })
    expect(seatRepairs(seat({ m1: h }), byMember(elsewhere), STALE_BEFORE)).toEqual([
      { kind: 'release', memberId: 'm1', holder: h },
    ])
  })

  it('cancels an entry whose seat was given back but which was never marked cancelled', () => {
    const e = entry('m1', 'r1')
    expect(seatRepairs(seat({}), byMember(e), STALE_BEFORE)).toEqual([{ kind: 'cancel', entry: e }])
  })

  it('leaves cancelled entries and entries of other sessions alone', () => {
    const cancelled = entry('m1', 'r1', { status: 'cancelled' })
    const other = entry('m2', 'r2', { sessionId: 's2' })
    expect(seatRepairs(seat({}), byMember(cancelled, other), STALE_BEFORE)).toEqual([])
  })

  it('touches nothing younger than staleBefore: that run may still finish', () => {
    const young = holder('m1', 'r1', 1, STALE_BEFORE)
    expect(seatRepairs(seat({ m1: young }), byMember(), STALE_BEFORE)).toEqual([])
    const fresh = entry('m2', 'r2', { updatedAt: ago(1) })
    expect(seatRepairs(seat({}), byMember(fresh), STALE_BEFORE)).toEqual([])
    const older = holder('m1', 'r1', 1, new Date(STALE_BEFORE.getTime() - 1))
    expect(seatRepairs(seat({ m1: older }), byMember(), STALE_BEFORE)).toHaveLength(1)
  })

  it('reads holder and entry times stored as strings', () => {
    const h = { ...holder('m1', 'r1'), at: ago(30).toISOString() as unknown as Date }
    expect(seatRepairs(seat({ m1: h }), byMember(), STALE_BEFORE)).toHaveLength(1)
    const young = { ...holder('m1', 'r1'), at: ago(1).toISOString() as unknown as Date }
    expect(seatRepairs(seat({ m1: young }), byMember(), STALE_BEFORE)).toEqual([])
  })

  it('once applied, its repairs leave the seats taken equal to the seats entries hold', () => {
    const s = seat({
      m1: holder('m1', 'r1', 2), // consistent
      m2: holder('m2', 'r2', 3), // entry never written
      m3: holder('m3', 'r3'), // entry went to s2
    })
    const entries = byMember(
      entry('m1', 'r1', { partySize: 2 }),
      entry('m3', 'r0', { sessionId: 's2' }),
      entry('m4', 'r4'), // seat given back, never marked cancelled
    )
    expect(seatsHeldByEntries(s, entries.values())).not.toBe(s.taken)
    const holders = { ...s.holders }
    for (const repair of seatRepairs(s, entries, STALE_BEFORE)) {
      if (repair.kind === 'restore') {
        const { memberId, holder: h } = repair
        entries.set(memberId, entry(memberId, h.request, { partySize: h.size }))
      } else if (repair.kind === 'release') {
        delete holders[repair.memberId]
      } else {
        entries.set(repair.entry.memberId, { ...repair.entry, status: 'cancelled' })
      }
    }
    const repaired = seat(holders)
    expect(repaired.taken).toBe(5)
    expect(seatsHeldByEntries(repaired, entries.values())).toBe(repaired.taken)
    expect(seatRepairs(repaired, entries, STALE_BEFORE)).toEqual([])
  })
})

describe('seatsHeldByEntries', () => {
  it('counts the party of every seat-holding entry that stands on its holder', () => {
    const s = seat({ m1: holder('m1', 'r1', 3), m2: holder('m2', 'r2'), m3: holder('m3', 'r3') })
    const entries = [
      entry('m1', 'r1', { partySize: 3 }),
      entry('m2', 'r2', { status: 'checkedIn' }),
      // Stands on an older request than the one holding the seat: not held by it.
      entry('m3', 'r0'),
      // Cancelled, another session, no holder: none of these hold a seat here.
      entry('m4', 'r4', { status: 'cancelled' }),
      entry('m5', 'r5', { sessionId: 's2' }),
      entry('m6', 'r6'),
    ]
    expect(seatsHeldByEntries(s, entries)).toBe(4)
  })

  it('is zero for no entries, whatever the seat document says', () => {
    expect(seatsHeldByEntries(seat({ m1: holder('m1', 'r1', 2) }), [])).toBe(0)
  })
})
