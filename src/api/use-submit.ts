import { useCallback, useRef, useState } from 'react'
import type { ParamsOf, ResponseOf } from '@contract'
import { call } from './call'
import type { WriteAction } from './actions'
import { type ClientError, toClientError } from './errors'
import { newRequestId } from './request-id'
import { showError } from './show-error'

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ClientError }

interface Pending {
  key: string
  requestId: string
}

/**
 * One user intent = one request id. The id is kept until the write succeeds, so a double tap
 * or a retry after a failure is the same write; changed params are a new intent. The outcome
 * comes back whole, so a form can put INVALID_INPUT's per-field messages next to their inputs
 * or a page can show a refusal in place; `toast: false` leaves telling the user to the page.
 */
export function useSubmitOutcome<A extends WriteAction>(
  action: A,
  { toast = true }: { toast?: boolean } = {},
) {
  const pending = useRef<Pending | null>(null)
  const inFlight = useRef<Promise<Outcome<ResponseOf<A>>> | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const submit = useCallback(
    (params: ParamsOf<A>): Promise<Outcome<ResponseOf<A>>> => {
      if (inFlight.current) return inFlight.current
      const key = JSON.stringify(params)
      if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() }
      const { requestId } = pending.current
      setSubmitting(true)
      const run = call(action, params, { requestId })
        .then((data): Outcome<ResponseOf<A>> => {
          pending.current = null
          return { ok: true, data }
        })
        .catch((err: unknown): Outcome<ResponseOf<A>> => {
          if (toast) showError(err)
          return { ok: false, error: toClientError(err) }
        })
        .finally(() => {
          inFlight.current = null
          setSubmitting(false)
        })
      inFlight.current = run
      return run
    },
    [action, toast],
  )

  return { submit, submitting }
}

/** `useSubmitOutcome` for pages that only need the data: a refusal is toasted, then undefined. */
export function useSubmit<A extends WriteAction>(action: A) {
  const { submit: send, submitting } = useSubmitOutcome(action)
  const submit = useCallback(
    async (params: ParamsOf<A>): Promise<ResponseOf<A> | undefined> => {
      const outcome = await send(params)
      return outcome.ok ? outcome.data : undefined
    },
    [send],
  )
  return { submit, submitting }
}
