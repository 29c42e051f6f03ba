import { createHash } from 'node:crypto'
import { drawOrder, runDraw, type DrawEntry } from '../../cloudfunctions/domain/draw'

/**
 * Fairness of the draw over many simulated draws. Seeds are fixed (seed i = SHA-256 of
 * `seed:<i>`), so every statistic below is the same on every run: the suite is reproducible,
 * and a change to the algorithm that skews it fails here.
 *
 * Chi-square goodness of fit, significance α = 0.01 throughout: the statistic
 * Σ (observed − expected)² / expected is compared with the critical value of the chi-square
 * distribution for the degrees of freedom (number of cells − 1).
 */
const DRAWS = 20_000
const ALPHA = 0.01
/** Upper α = 0.01 critical values of chi-square, by degrees of freedom (standard tables). */
const CRITICAL_01: Record<number, number> = { 5: 15.086 }

const seedOf = (i: number, salt = '') =>
  createHash('sha256').update(`seed:${salt}${i}`).digest('hex')

function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]) ** 2 / expected[i], 0)
}

function expectFit(observed: readonly number[], probabilities: readonly number[]) {
  const expected = probabilities.map((p) => p * DRAWS)
  const statistic = chiSquare(observed, expected)
  const critical = CRITICAL_01[observed.length - 1]
  expect(ALPHA).toBe(0.01)
  expect(critical).toBeDefined()
  if (process.env.DRAW_STATS)
    console.log(`chi-square ${statistic.toFixed(3)} < ${critical}`, observed)
  expect(statistic).toBeLessThan(critical)
  return statistic
}

/** Chi-square test of homogeneity of two count vectors over the same cells. */
function homogeneity(a: readonly number[], b: readonly number[]): number {
  const na = a.reduce((s, x) => s + x, 0)
  const nb = b.reduce((s, x) => s + x, 0)
  let statistic = 0
  for (let i = 0; i < a.length; i += 1) {
    const column = a[i] + b[i]
    const ea = (column * na) / (na + nb)
    const eb = (column * nb) / (na + nb)
    statistic += (a[i] - ea) ** 2 / ea + (b[i] - eb) ** 2 / eb
  }
  return statistic
}

/*
 * Six entries, weights 1,1,2,3,1,2 (W = 10), parties of 2 and 3, and 3 seats: the first pick
 * always fits (size ≤ 3) and then no party fits the 0 or 1 seat left, so there is exactly one
 * winner, the first pick, and its theoretical probability is exactly w / W.
 */
const WEIGHTS = [1, 1, 2, 3, 1, 2]
const SIZES = [2, 3, 2, 3, 2, 3]
const SEATS = 3
const ids = WEIGHTS.map((_w, i) => `m${i}`)
const session = (sizes: readonly number[]): DrawEntry[] =>
  ids.map((id, i) => ({ id, size: sizes[i], weight: WEIGHTS[i] }))
const W = WEIGHTS.reduce((s, w) => s + w, 0)
const firstPick = WEIGHTS.map((w) => w / W)
/** P(second pick = i) = Σ_{j≠i} (w_j / W)(w_i / (W − w_j)). */
const secondPick = WEIGHTS.map((wi, i) =>
  WEIGHTS.reduce((sum, wj, j) => (j === i ? sum : sum + (wj / W) * (wi / (W - wj))), 0),
)

function simulate(sizes: readonly number[], salt = '') {
  const entries = session(sizes)
  const wins = ids.map(() => 0)
  const seconds = ids.map(() => 0)
  for (let i = 0; i < DRAWS; i += 1) {
    const { order, winners } = runDraw(entries, seedOf(i, salt), SEATS)
    if (winners.length !== 1 || winners[0] !== order[0])
      throw new Error(`draw ${i}: expected the first pick alone to win, got ${winners.join(',')}`)
    wins[ids.indexOf(winners[0])] += 1
    seconds[ids.indexOf(order[1])] += 1
  }
  return { wins, seconds }
}

describe(`the draw over ${DRAWS.toLocaleString('en-US')} fixed seeds`, () => {
  const mixed = simulate(SIZES)

  it('gives each entrant its theoretical win rate w / W (chi-square, df 5, α = 0.01)', () => {
    expect(mixed.wins.reduce((s, n) => s + n, 0)).toBe(DRAWS)
    expectFit(mixed.wins, firstPick)
  })

  it('removes each pick: the second pick follows the weights of those left', () => {
    expectFit(mixed.seconds, secondPick)
  })

  it("keeps a party's win rate whatever its size: every size swapped, the same rates", () => {
    // Every entry of size 2 becomes 3 and every 3 becomes 2; the weights stay.
    const swapped = simulate(
      SIZES.map((s) => (s === 2 ? 3 : 2)),
      'swapped:',
    )
    expectFit(swapped.wins, firstPick)
    // Homogeneity of the two win distributions: df = 5.
    expect(homogeneity(mixed.wins, swapped.wins)).toBeLessThan(CRITICAL_01[5])
    // Equal weights, different sizes, equal rates: m0 (size 2) and m1 (size 3) both weigh 1.
    expect(SIZES[0]).not.toBe(SIZES[1])
    const [a, b] = [mixed.wins[0], mixed.wins[1]]
    const pooled = (a + b) / (2 * DRAWS)
    const z = (a - b) / DRAWS / Math.sqrt((pooled * (1 - pooled) * 2) / DRAWS)
    expect(Math.abs(z)).toBeLessThan(2.576) // two-sided α = 0.01
  })

  it('has the power to see a size-weighted draw (the wrong rule fails the same test)', () => {
    // Weight × size, the rule we must not apply: the win rates drift off w / W at once.
    const scaled = ids.map((id, i) => ({ id, size: SIZES[i], weight: WEIGHTS[i] * SIZES[i] }))
    const wins = ids.map(() => 0)
    for (let i = 0; i < DRAWS; i += 1) wins[ids.indexOf(drawOrder(scaled, seedOf(i))[0].id)] += 1
    const statistic = chiSquare(
      wins,
      firstPick.map((p) => p * DRAWS),
    )
    expect(statistic).toBeGreaterThan(10 * CRITICAL_01[5])
  })

  it('orders equal weights uniformly whatever the sizes, from a single to a party of 6', () => {
    const entries = [1, 2, 3, 4, 5, 6].map((size, i) => ({ id: `p${i}`, size, weight: 1 }))
    const first = entries.map(() => 0)
    for (let i = 0; i < DRAWS; i += 1) {
      const [pick] = drawOrder(entries, seedOf(i, 'sizes:'))
      first[entries.indexOf(pick)] += 1
    }
    expectFit(
      first,
      entries.map(() => 1 / entries.length),
    )
  })
})
