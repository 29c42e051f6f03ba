import { useCallback, useRef, useState } from 'react'
import type { ParamsOf, ResponseOf } from '@contract'
import { call } from './call'
import type { WriteAction } from './actions'
import { newRequestId } from './request-id'
import { showError } from './show-error'

interface Pending {
  key: string
  requestId: string
}

/**
 * One user intent = one request id. The id is kept until the write succeeds, so a double tap
 * or a retry after a failure is the same write; changed params are a new intent.
 */
export function useSubmit<A extends WriteAction>(action: A) {
  const pending = useRef<Pending | null>(null)
  const inFlight = useRef<Promise<ResponseOf<A> | undefined> | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const submit = useCallback(
    (params: ParamsOf<A>): Promise<ResponseOf<A> | undefined> => {
      if (inFlight.current) return inFlight.current
      const key = JSON.stringify(params)
      if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() }
      const { requestId } = pending.current
      setSubmitting(true)
      const run = call(action, params, { requestId })
        .then((data) => {
          pending.current = null
          return data
        })
        .catch((err: unknown) => {
          showError(err)
          return undefined
        })
        .finally(() => {
          inFlight.current = null
          setSubmitting(false)
        })
      inFlight.current = run
      return run
    },
    [action],
  )

  return { submit, submitting }
}
