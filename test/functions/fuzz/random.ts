import { createHash, randomInt } from 'node:crypto'
import { seededRandom } from '../../../cloud/faults/random'

/**
 * The fuzz's one source of chance. Each action draws from its own stream, derived from the run's
 * seed and the action's name, so `FUZZ_SEED=<seed>` repeats an action's payloads exactly even
 * when only that action runs (`-t notice.update`) or actions are added before it.
 */
export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = seededRandom(seed)
  }

  /** A stream of its own for `label`, fixed by the run's seed. */
  static stream(seed: number, label: string): Rng {
    return new Rng(createHash('sha256').update(`${seed}:${label}`).digest().readUInt32LE(0))
  }

  /** [0, 1) */
  float(): number {
    return this.next()
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list')
    return list[this.below(list.length)]
  }

  /** The list in a random order (a copy). */
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list]
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.below(i + 1)
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }
}

/** FUZZ_SEED when set (to repeat a failed run), else a fresh one printed with the results. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FUZZ_SEED?.trim()
  if (!given) return randomInt(1, 2 ** 31)
  const seed = Number(given)
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`FUZZ_SEED must be an integer: ${given}`)
  return seed
}
