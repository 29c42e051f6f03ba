import { ApiError } from '../contract/errors'
import {
  claimRequest,
  finishRequest,
  getRequest,
  releaseRequest,
  takeOverStaleRequest,
} from '../store/requests'

/** Longer than any function timeout: a claim this old was left by a run that died. */
const STALE_MS = 2 * 60_000
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
 * repeat while the first still runs gets REQUEST_IN_PROGRESS, and a failed attempt leaves no
 * trace so that its retry runs afresh.
 */
export async function once<T>(key: WriteKey, now: () => Date, run: () => Promise<T>): Promise<T> {
  const id = requestKey(key)
  if (await claimRequest(id, key.action, key.openid, now())) return record(id, now, run)
  for (const wait of [0, ...WAITS_MS]) {
    if (wait) await sleep(wait)
    const found = await getRequest(id)
    if (found?.status === 'done') return found.result as T
    if (!found) {
      if (await claimRequest(id, key.action, key.openid, now())) return record(id, now, run)
      continue
    }
    const staleBefore = new Date(now().getTime() - STALE_MS)
    if (await takeOverStaleRequest(id, staleBefore, now())) return record(id, now, run)
  }
  throw new ApiError('REQUEST_IN_PROGRESS')
}

async function record<T>(id: string, now: () => Date, run: () => Promise<T>): Promise<T> {
  let result: T
  try {
    result = await run()
  } catch (error) {
    await releaseRequest(id).catch((release: unknown) =>
      console.error(`[idempotency] could not release ${id}`, release),
    )
    throw error
  }
  // The write is done; failing to note it must not turn success into an error for the caller.
  await finishRequest(id, result, now()).catch((finish: unknown) =>
    console.error(`[idempotency] could not record ${id}`, finish),
  )
  return result
}
