import { z } from 'zod'

/**
 * Error codes the real service answers for a database request that did not go through; a test
 * picks the one its code must survive. DATABASE_TIMEOUT is the default: the likeliest in a rush.
 */
export const WRITE_FAILURE_CODES = [
  'DATABASE_TIMEOUT',
  'SYS_ERR',
  'DATABASE_REQUEST_FAILED',
] as const
export type WriteFailureCode = (typeof WRITE_FAILURE_CODES)[number]

const count = z.number().int().min(1)
const probability = z.number().min(0).max(1)
const millis = z.number().int().min(0).max(60_000)

/**
 * What `POST /dev/faults` (or `--faults`) switches on. Every field is optional; `{}` injects
 * nothing but still counts writes, which is how a test learns how many writes an action makes.
 */
export const faultSpec = z.strictObject({
  /** Seeds every random choice, so a failing run repeats exactly; one is drawn when omitted. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Delay before every database operation: a fixed number of ms, or a random [min, max]. */
  delayMs: z
    .union([millis, z.tuple([millis, millis])])
    .refine((d) => typeof d === 'number' || d[0] <= d[1], 'delayMs: min > max')
    .optional(),
  /** Share of database writes that fail with `failureCode` (nothing is written). */
  writeFailureRate: probability.optional(),
  failureCode: z.enum(WRITE_FAILURE_CODES).optional(),
  /** The Nth database write from now fails (once), whoever sends it. */
  failWrite: count.optional(),
  /** Every invocation started while this is set dies right after its Nth database write. */
  killAfterWrite: count.optional(),
  /** After each database write, the invocation that sent it dies with this probability. */
  killRate: probability.optional(),
  /**
   * The next N WeChat open API calls (`callWxOpenApi`, e.g. a subscription message) fail with
   * SYS_ERR, as when WeChat is unreachable; later ones go through.
   */
  failWxApi: count.optional(),
  /**
   * With failWxApi: those calls reach WeChat and it refuses them with this errcode (40037 a bad
   * template id, 43101 no consent left, …) instead of not being reached at all.
   */
  wxErrcode: z.number().int().positive().optional(),
  /** Limits the kills to invocations of this function (default: any function). */
  function: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .optional(),
})

export type FaultSpec = z.infer<typeof faultSpec>

/** Parses a description from a test or the command line; throws a message naming the field. */
export function parseFaultSpec(input: unknown): FaultSpec & { seed: number } {
  const parsed = faultSpec.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`faults: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return { ...parsed.data, seed: parsed.data.seed ?? Math.floor(Math.random() * 0x100000000) }
}
