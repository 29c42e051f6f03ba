import { ApiError } from '../contract/errors'
import {
  abandonRequest,
  claimRequest,
  finishRequest,
  getRequest,
  releaseRequest,
  STALE_MS,
  takeOverStaleRequest,
} from '../store/requests'

/** A double tap usually lands while the first run is still going: wait a little for it. */
const WAITS_MS = [30, 60, 120, 250, 500]

export interface WriteKey {
  action: string
  openid: string
  requestId: string
}

export function requestKey({ action, openid, requestId }: WriteKey): string {
  return `${action}:${openid}:${requestId}`
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs a write at most once per (action, caller, requestId): a repeat gets the first result, a
 * repeat while the first still runs gets REQUEST_IN_PROGRESS. A refusal leaves no trace, so its
 * retry decides afresh; a run that failed or died part-way leaves its claim (with the payload)
 * for the retry or the scheduler to finish. Every handler is written to be run again after any
 * of its writes: deterministic ids, and markers of the request on the documents it changed.
 */
export async function once<T>(
  key: WriteKey,
  input: unknown,
  now: () => Date,
  run: () => Promise<T>,
): Promise<T> {
  const id = requestKey(key)
  if (await claimRequest(id, key.action, key.openid, input, now())) return record(id, now, run)
  for (const wait of [0, ...WAITS_MS]) {
    if (wait) await sleep(wait)
    const found = await getRequest(id)
    if (found?.status === 'done') return found.result as T
    if (!found) {
      if (await claimRequest(id, key.action, key.openid, input, now())) return record(id, now, run)
      continue
    }
    if (await takeOver(id, now)) return record(id, now, run)
  }
  throw new ApiError('REQUEST_IN_PROGRESS')
}

/** Takes over a claim whose run died or gave up; false if it is still live or already taken. */
export function takeOver(id: string, now: () => Date): Promise<boolean> {
  return takeOverStaleRequest(id, new Date(now().getTime() - STALE_MS), now())
}

/** Runs a claimed write and notes its result; `id` must be claimed (or taken over) already. */
export async function record<T>(id: string, now: () => Date, run: () => Promise<T>): Promise<T> {
  let result: T
  try {
    result = await run()
  } catch (error) {
    const leave = error instanceof ApiError ? releaseRequest : abandonRequest
    await leaveClaim(id, leave)
    throw error
  }
  // The write is done; failing to note it must not turn success into an error for the caller.
  await finishRequest(id, result, now()).catch((finish: unknown) =>
    console.error(`[idempotency] could not record ${id}`, finish),
  )
  return result
}

/** Tries a claim's exit write a few times before giving up on it. */
const LEAVE_ATTEMPTS = 3

/**
 * Gives a claim back after a refusal, or marks it abandoned after a failure. A refusal's claim
 * that stayed would be finished by the scheduler later, on the member's behalf: a signup told
 * 名额已满 could then take a seat freed meanwhile. So the exit is tried again before it is left
 * to the log.
 */
async function leaveClaim(id: string, leave: (id: string) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await leave(id)
      return
    } catch (failure) {
      if (attempt >= LEAVE_ATTEMPTS) {
        console.error(`[idempotency] could not leave ${id}`, failure)
        return
      }
    }
  }
}
