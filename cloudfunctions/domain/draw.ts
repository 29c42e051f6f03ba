import { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'
import type { DrawRecord, WeightPolicy } from '../contract/draw'
import { addDays, atLocal, chineseDate, dayOf, local } from './time'

/** The published shapes live in the contract (members fetch them); the rules live here. */
export type { DrawRecord, WeightPolicy }

/**
 * 抽签: the verifiable weighted draw of a session. Pure, no I/O, Node's crypto only. Every step
 * here is written down byte by byte in docs/draw.md so that anyone can recompute a published
 * record (`DrawRecord`) without this code; change one and the other together, or every record
 * already published stops verifying.
 */

/** One entrant of a session's draw: a party is one entry, whatever its size. */
export interface DrawEntry {
  /** The opaque entry number the member sees in 我的报名 (`[A-Za-z0-9_-]+`), never an openid. */
  id: string
  /** Party size, ≥ 1: the seats the entry takes if it wins. */
  size: number
  /** A positive safe integer from the activity's weight policy. */
  weight: number
}

/** Thrown for input the draw is not defined on (bad id, size, weight, seed, or hash). */
export class DrawError extends Error {
  override name = 'DrawError'
}

export const ENTRY_ID_PATTERN = /^[A-Za-z0-9_-]+$/
const HEX64 = /^[0-9a-f]{64}$/

const isPositiveSafeInteger = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 1

function checkEntry(entry: DrawEntry, where: string): void {
  if (typeof entry.id !== 'string' || !ENTRY_ID_PATTERN.test(entry.id))
    throw new DrawError(
      `${where}.id must be made of A-Z a-z 0-9 _ - (got ${JSON.stringify(entry.id)})`,
    )
  if (!isPositiveSafeInteger(entry.size))
    throw new DrawError(`${where}.size must be an integer ≥ 1 (entry ${entry.id})`)
  if (!isPositiveSafeInteger(entry.weight))
    throw new DrawError(`${where}.weight must be a positive safe integer (entry ${entry.id})`)
}

const byId = (a: DrawEntry, b: DrawEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The entries by `id` ascending, comparing UTF-16 code units — for the id alphabet that is byte
 * order (`"e10" < "e2"`). Refuses malformed entries, duplicate ids, and a total weight beyond
 * `Number.MAX_SAFE_INTEGER`. Extra fields (a label) ride along.
 */
export function sortEntries<T extends DrawEntry>(entries: readonly T[]): T[] {
  entries.forEach((e, i) => checkEntry(e, `entries[${i}]`))
  const sorted = [...entries].sort(byId)
  let total = 0
  for (let i = 0; i < sorted.length; i += 1) {
    if (i > 0 && sorted[i].id === sorted[i - 1].id)
      throw new DrawError(`entry id ${sorted[i].id} appears twice`)
    total += sorted[i].weight
    if (total > Number.MAX_SAFE_INTEGER)
      throw new DrawError('the total weight exceeds Number.MAX_SAFE_INTEGER (2^53 − 1)')
  }
  return sorted
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

/** `listHash` of entries already sorted and checked. */
function hashSorted(sorted: readonly DrawEntry[]): string {
  const canonical = JSON.stringify(sorted.map((e) => [e.id, e.size, e.weight]))
  return sha256Hex(Buffer.from(canonical, 'utf8'))
}

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of
 * `JSON.stringify(sortedById.map(e => [e.id, e.size, e.weight]))`, e.g. of
 * `[["e1",1,1],["e10",3,2]]`. Published when the signup window closes.
 */
export function listHash(entries: readonly DrawEntry[]): string {
  return hashSorted(sortEntries(entries))
}

function seedBytes(seedHex: string): Buffer {
  if (typeof seedHex !== 'string' || !HEX64.test(seedHex))
    throw new DrawError('seed must be 64 lowercase hex characters (32 bytes)')
  return Buffer.from(seedHex, 'hex')
}

/** A fresh secret seed: 32 random bytes as 64 lowercase hex characters. */
export function newSeed(): string {
  return randomBytes(32).toString('hex')
}

/** Lowercase hex SHA-256 of the 32 seed BYTES (not of its hex text): the published commitment. */
export function seedHash(seedHex: string): string {
  return sha256Hex(seedBytes(seedHex))
}

function drawKeyBytes(seedHex: string, listHashHex: string): Buffer {
  if (typeof listHashHex !== 'string' || !HEX64.test(listHashHex))
    throw new DrawError('listHash must be 64 lowercase hex characters')
  return createHmac('sha256', seedBytes(seedHex)).update(listHashHex, 'ascii').digest()
}

/**
 * HMAC-SHA256 with key = the 32 seed bytes, message = the 64 ASCII characters of `listHash`;
 * answered as lowercase hex. The picks use its 32 raw bytes as their key.
 */
export function drawKey(seedHex: string, listHashHex: string): string {
  return drawKeyBytes(seedHex, listHashHex).toString('hex')
}

/** A 32-byte digest read as an unsigned 256-bit big-endian integer. */
function uint256(digest: Buffer): bigint {
  return (
    (digest.readBigUInt64BE(0) << BigInt(192)) |
    (digest.readBigUInt64BE(8) << BigInt(128)) |
    (digest.readBigUInt64BE(16) << BigInt(64)) |
    digest.readBigUInt64BE(24)
  )
}

/** One pick of the draw, as docs/draw.md traces it. */
export interface DrawPick {
  t: number
  /** Sum of the weights still in R. */
  W: number
  /** HMAC-SHA256(drawKey, `pick:<t>`), hex. */
  h: string
  /** h mod W. */
  r: number
  /** The entry picked. */
  id: string
}

/**
 * The picks over entries already sorted and checked: a Fenwick tree over the id-ordered
 * weights (a removed entry's weight becomes 0) and a descending-bit search for the first
 * position whose running sum exceeds r. O(n log n) in all.
 */
function pickAll<T extends DrawEntry>(
  sorted: readonly T[],
  key: KeyObject,
  onPick?: (pick: DrawPick) => void,
): T[] {
  const n = sorted.length
  // Float64Array holds every integer up to 2^53 exactly, and no sum here exceeds the total.
  const tree = new Float64Array(n + 1)
  let W = 0
  for (let i = 0; i < n; i += 1) {
    tree[i + 1] = sorted[i].weight
    W += sorted[i].weight
  }
  for (let i = 1; i <= n; i += 1) {
    const parent = i + (i & -i)
    if (parent <= n) tree[parent] += tree[i]
  }
  let top = 1
  while (top * 2 <= n) top *= 2

  const order: T[] = []
  for (let t = 0; t < n; t += 1) {
    const digest = createHmac('sha256', key).update(`pick:${t}`, 'ascii').digest()
    const r = Number(uint256(digest) % BigInt(W))
    // The largest pos with prefix(pos) ≤ r; the entry at 1-based pos + 1 is the pick.
    let pos = 0
    let rest = r
    for (let step = top; step > 0; step >>= 1) {
      const next = pos + step
      if (next <= n && tree[next] <= rest) {
        pos = next
        rest -= tree[next]
      }
    }
    const picked = sorted[pos]
    onPick?.({ t, W, h: digest.toString('hex'), r, id: picked.id })
    order.push(picked)
    for (let i = pos + 1; i <= n; i += i & -i) tree[i] -= picked.weight
    W -= picked.weight
  }
  return order
}

function prepare<T extends DrawEntry>(entries: readonly T[], seedHex: string) {
  const sorted = sortEntries(entries)
  const list = hashSorted(sorted)
  const keyBytes = drawKeyBytes(seedHex, list)
  return {
    sorted,
    listHash: list,
    drawKey: keyBytes.toString('hex'),
    key: createSecretKey(keyBytes),
  }
}

/**
 * The draw order: R = the entries in id order; for t = 0, 1, 2, … while R is not empty,
 * W = the sum of R's weights, h = HMAC-SHA256(key: drawKey bytes, message: ASCII `pick:<t>`),
 * r = h as an unsigned 256-bit big-endian integer mod W; the first entry of R (id order) whose
 * running sum of weights exceeds r is removed from R and appended. Exact integers throughout.
 */
export function drawOrder<T extends DrawEntry>(entries: readonly T[], seedHex: string): T[] {
  const { sorted, key } = prepare(entries, seedHex)
  return pickAll(sorted, key)
}

/** `drawOrder` with every pick's intermediate values, for docs/draw.md and for debugging a reimplementation. */
export function traceDraw(
  entries: readonly DrawEntry[],
  seedHex: string,
): { listHash: string; drawKey: string; picks: DrawPick[] } {
  const { sorted, listHash: list, drawKey: keyHex, key } = prepare(entries, seedHex)
  const picks: DrawPick[] = []
  pickAll(sorted, key, (pick) => picks.push(pick))
  return { listHash: list, drawKey: keyHex, picks }
}

/**
 * Seats, parties whole: left = seats; walk the order; an entry whose size ≤ left wins
 * (left −= size), otherwise it joins the waitlist; keep walking, since a smaller party later
 * may still fit. Both lists are entry ids in draw order.
 */
export function allocateSeats(
  order: readonly DrawEntry[],
  seats: number,
): { winners: string[]; waitlist: string[] } {
  if (!Number.isSafeInteger(seats) || seats < 0) throw new DrawError('seats must be an integer ≥ 0')
  let left = seats
  const winners: string[] = []
  const waitlist: string[] = []
  for (const entry of order) {
    if (entry.size <= left) {
      winners.push(entry.id)
      left -= entry.size
    } else {
      waitlist.push(entry.id)
    }
  }
  return { winners, waitlist }
}

export interface DrawResult {
  listHash: string
  /** Lowercase hex of the 32 drawKey bytes. */
  drawKey: string
  /** Every entry id in draw order. */
  order: string[]
  winners: string[]
  waitlist: string[]
}

/** The whole draw of a session: its list hash, key, order, winners and waitlist. */
export function runDraw(entries: readonly DrawEntry[], seedHex: string, seats: number): DrawResult {
  const { sorted, listHash: list, drawKey: keyHex, key } = prepare(entries, seedHex)
  const order = pickAll(sorted, key)
  return {
    listHash: list,
    drawKey: keyHex,
    order: order.map((e) => e.id),
    ...allocateSeats(order, seats),
  }
}

// ---------------------------------------------------------------------------------------------
// Weight policy (item 3): per activity, published in the record.

export const DEFAULT_WEIGHT_POLICY: WeightPolicy = {
  base: 1,
  lossBonus: { perLoss: 1, cap: 3 },
  cooldownDays: 30,
  excludeBanned: true,
}

/** What the weight policy reads of a member, at the moment of weighing. */
export interface EntrantHistory {
  /** Draws lost in a row since the member's last win (draws they were left out of do not count). */
  consecutiveLosses: number
  lastWinAt: Date | null
  bannedUntil: Date | null
}

export type Weighing =
  { included: true; weight: number; reason: string } | { included: false; reason: string }

const isNonNegativeSafeInteger = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** What is wrong with a weight policy (empty when it is valid), each as `field: problem`. */
export function weightPolicyProblems(policy: unknown): string[] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy))
    return ['weightPolicy must be an object']
  const p = policy as Record<string, unknown>
  const problems: string[] = []
  if (!isPositiveSafeInteger(p.base)) problems.push('base must be a positive integer')
  if (p.lossBonus !== null) {
    const bonus = p.lossBonus as Record<string, unknown> | undefined
    if (typeof bonus !== 'object' || bonus === null || Array.isArray(bonus))
      problems.push('lossBonus must be {perLoss, cap} or null')
    else {
      if (!isNonNegativeSafeInteger(bonus.perLoss))
        problems.push('lossBonus.perLoss must be an integer ≥ 0')
      if (!isNonNegativeSafeInteger(bonus.cap))
        problems.push('lossBonus.cap must be an integer ≥ 0')
    }
  }
  if (p.cooldownDays !== null && !isPositiveSafeInteger(p.cooldownDays))
    problems.push('cooldownDays must be a positive integer or null')
  if (typeof p.excludeBanned !== 'boolean') problems.push('excludeBanned must be true or false')
  if (
    problems.length === 0 &&
    !Number.isSafeInteger((p.base as number) + ((p.lossBonus as { cap: number } | null)?.cap ?? 0))
  )
    problems.push('base + lossBonus.cap must be a safe integer')
  return problems
}

function checkPolicy(policy: WeightPolicy): void {
  const problems = weightPolicyProblems(policy)
  if (problems.length) throw new DrawError(`invalid weight policy: ${problems.join('; ')}`)
}

/** The instant a winner's cooldown ends: the start of the Beijing day `cooldownDays` after the win's. */
export function cooldownEnd(policy: WeightPolicy, lastWinAt: Date | null): Date | null {
  if (policy.cooldownDays === null || !lastWinAt) return null
  return atLocal(addDays(dayOf(new Date(lastWinAt)), policy.cooldownDays))
}

/** "6月19日" for an end at a Beijing midnight (the last day it covers), else "6月20日 14:30". */
function throughDate(end: Date): string {
  const at = local(end)
  if (at.format('HH:mm') === '00:00') return chineseDate(addDays(dayOf(end), -1))
  return `${chineseDate(dayOf(end))} ${at.format('HH:mm')}`
}

/**
 * A member's place in a draw under the policy, with the reason in words they read before the
 * draw: left out (a no-show ban, a recent win's cooldown) or included with a weight. The weight
 * never depends on the party's size: a party is one entry.
 */
export function weighEntrant(policy: WeightPolicy, history: EntrantHistory, now: Date): Weighing {
  checkPolicy(policy)
  const bannedUntil = history.bannedUntil ? new Date(history.bannedUntil) : null
  if (policy.excludeBanned && bannedUntil && bannedUntil > now)
    return {
      included: false,
      reason: `因爽约暂停报名至${throughDate(bannedUntil)}，不参加本次抽签`,
    }

  const cooled = cooldownEnd(policy, history.lastWinAt)
  if (cooled && cooled > now)
    return {
      included: false,
      reason: `上次中签在 ${policy.cooldownDays} 天冷却期内（至${throughDate(cooled)}），不参加本次抽签`,
    }

  const losses = Math.max(0, Math.floor(history.consecutiveLosses || 0))
  if (!policy.lossBonus) {
    return { included: true, weight: policy.base, reason: `每个报名权重相同 → 权重 ${policy.base}` }
  }
  const uncapped = policy.lossBonus.perLoss * losses
  const bonus = Math.min(uncapped, policy.lossBonus.cap)
  const weight = policy.base + bonus
  if (losses === 0) return { included: true, weight, reason: `此前没有连续未中签 → 权重 ${weight}` }
  const capped = uncapped > bonus ? `（加权已到上限 +${policy.lossBonus.cap}）` : ''
  return { included: true, weight, reason: `连续 ${losses} 次未中签${capped} → 权重 ${weight}` }
}

/** The policy in one Chinese sentence, for the activity page and the published record. */
export function describeWeightPolicy(policy: WeightPolicy): string {
  checkPolicy(policy)
  const parts = [`基础权重 ${policy.base}`]
  if (policy.lossBonus && policy.lossBonus.perLoss > 0 && policy.lossBonus.cap > 0)
    parts.push(
      `此前每连续 1 次未中签加 ${policy.lossBonus.perLoss}，最多加 ${policy.lossBonus.cap}`,
    )
  else parts.push('不按未中签次数加权')
  if (policy.cooldownDays !== null) parts.push(`中签当天起 ${policy.cooldownDays} 天内不再参加抽签`)
  if (policy.excludeBanned) parts.push('因爽约被暂停报名的会员不参加抽签')
  parts.push('同行人数不影响权重')
  return `${parts.join('；')}。`
}

// ---------------------------------------------------------------------------------------------
// The published record (item 4) and its verification.

export type DrawCheckName = 'listHash' | 'seedHash' | 'winners' | 'waitlist'

export interface DrawCheck {
  name: DrawCheckName
  ok: boolean
  /** Recomputed from the record's inputs (ids joined by "," for lists). */
  expected: string
  /** As the record states it. */
  actual: string
  /** Where the two first part, e.g. "winners[3]: record says e12, recomputed e40"; null when ok. */
  difference: string | null
}

export interface DrawVerification {
  /** Every check that can be made passes. */
  ok: boolean
  /** False for a record whose seed is not yet revealed: only listHash could be checked. */
  drawn: boolean
  checks: DrawCheck[]
  firstDifference: string | null
  /** Says what could not be checked, for an undrawn record. */
  note: string | null
}

function hashCheck(name: DrawCheckName, expected: string, actual: string): DrawCheck {
  const ok = expected === actual
  return {
    name,
    ok,
    expected,
    actual,
    difference: ok ? null : `${name}: record says ${actual}, recomputed ${expected}`,
  }
}

function listCheck(
  name: DrawCheckName,
  expected: readonly string[],
  actual: readonly string[],
): DrawCheck {
  let difference: string | null = null
  for (let i = 0; i < Math.max(expected.length, actual.length); i += 1) {
    if (expected[i] !== actual[i]) {
      const said = i < actual.length ? actual[i] : '(nothing, its list ends)'
      const computed = i < expected.length ? expected[i] : '(nothing, the list ends)'
      difference = `${name}[${i}]: record says ${said}, recomputed ${computed}`
      break
    }
  }
  return {
    name,
    ok: difference === null,
    expected: expected.join(','),
    actual: actual.join(','),
    difference,
  }
}

export const UNDRAWN_NOTE =
  '尚未开奖（seed 为 null）：只能核对名单哈希；种子哈希、入选名单、候补顺序待公布种子后才能核对。' +
  ' Not drawn yet (seed is null): only listHash can be checked; seedHash, winners and waitlist once the seed is revealed.'

/**
 * Recomputes a record from its own contents alone: listHash from the entries, then (once the
 * seed is revealed) seedHash from the seed and winners and waitlist from entries, seed and
 * seats. Throws DrawError when the record's entries or seed are not well-formed (see
 * `parseDrawRecord`).
 */
export function verifyRecord(record: DrawRecord): DrawVerification {
  const entries = record.entries.map(({ id, size, weight }) => ({ id, size, weight }))
  const checks: DrawCheck[] = [hashCheck('listHash', listHash(entries), record.listHash)]
  let note: string | null = null
  if (record.seed === null) {
    note = UNDRAWN_NOTE
    // Before the draw there is no result to show: a list here is itself a difference.
    if (record.winners.length) checks.push(listCheck('winners', [], record.winners))
    if (record.waitlist.length) checks.push(listCheck('waitlist', [], record.waitlist))
  } else {
    checks.push(hashCheck('seedHash', seedHash(record.seed), record.seedHash))
    const result = runDraw(entries, record.seed, record.seats)
    checks.push(listCheck('winners', result.winners, record.winners))
    checks.push(listCheck('waitlist', result.waitlist, record.waitlist))
  }
  const failed = checks.find((c) => !c.ok)
  return {
    ok: !failed,
    drawn: record.seed !== null,
    checks,
    firstDifference: failed?.difference ?? null,
    note,
  }
}

/**
 * A record from parsed JSON, checked for shape (not for truth: that is `verifyRecord`). Throws
 * DrawError naming the first field that is wrong.
 */
export function parseDrawRecord(value: unknown): DrawRecord {
  const fail = (message: string): never => {
    throw new DrawError(message)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('a draw record must be a JSON object')
  const r = value as Record<string, unknown>
  if (r.version !== 1) fail(`version must be 1 (got ${JSON.stringify(r.version)})`)
  for (const field of ['activityId', 'sessionId', 'committedAt'] as const)
    if (typeof r[field] !== 'string') fail(`${field} must be a string`)
  if (!isNonNegativeSafeInteger(r.seats)) fail('seats must be an integer ≥ 0')
  if (!Array.isArray(r.entries)) fail('entries must be an array')
  const entries = (r.entries as unknown[]).map((e, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e))
      fail(`entries[${i}] must be an object`)
    const entry = e as Record<string, unknown>
    if (typeof entry.label !== 'string') fail(`entries[${i}].label must be a string`)
    const { id, size, weight, label } = entry as DrawRecord['entries'][number]
    checkEntry({ id, size, weight }, `entries[${i}]`)
    return { id, size, weight, label }
  })
  sortEntries(entries)
  for (const field of ['listHash', 'seedHash'] as const)
    if (typeof r[field] !== 'string' || !HEX64.test(r[field] as string))
      fail(`${field} must be 64 lowercase hex characters`)
  if (r.seed !== null && (typeof r.seed !== 'string' || !HEX64.test(r.seed)))
    fail('seed must be 64 lowercase hex characters, or null before the draw')
  for (const field of ['winners', 'waitlist'] as const)
    if (!Array.isArray(r[field]) || !(r[field] as unknown[]).every((id) => typeof id === 'string'))
      fail(`${field} must be an array of entry ids`)
  const problems = weightPolicyProblems(r.weightPolicy)
  if (problems.length) fail(`weightPolicy: ${problems.join('; ')}`)
  if (r.drawnAt !== null && typeof r.drawnAt !== 'string') fail('drawnAt must be a string or null')
  const policy = r.weightPolicy as WeightPolicy
  return {
    version: 1,
    activityId: r.activityId as string,
    sessionId: r.sessionId as string,
    seats: r.seats as number,
    entries,
    listHash: r.listHash as string,
    seedHash: r.seedHash as string,
    seed: r.seed as string | null,
    winners: [...(r.winners as string[])],
    waitlist: [...(r.waitlist as string[])],
    weightPolicy: {
      base: policy.base,
      lossBonus: policy.lossBonus
        ? { perLoss: policy.lossBonus.perLoss, cap: policy.lossBonus.cap }
        : null,
      cooldownDays: policy.cooldownDays,
      excludeBanned: policy.excludeBanned,
    },
    committedAt: r.committedAt as string,
    drawnAt: r.drawnAt as string | null,
  }
}
