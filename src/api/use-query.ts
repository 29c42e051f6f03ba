import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, ParamsOf, ResponseOf } from '@contract'
import { call } from './call'
import { type ClientError, toClientError } from './errors'

export interface QueryState<T> {
  data: T | undefined
  error: ClientError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** A read that a page shows: loading, then data or an error the page can retry. Skipped while params is null. */
export function useQuery<A extends ActionName>(
  action: A,
  params: ParamsOf<A> | null,
): QueryState<ResponseOf<A>> {
  const [data, setData] = useState<ResponseOf<A>>()
  const [error, setError] = useState<ClientError>()
  const [loading, setLoading] = useState(params !== null)
  const key = params === null ? null : JSON.stringify(params)
  // The latest params, read when the key changes, so callers may pass a fresh object each render.
  const paramsRef = useRef(params)
  paramsRef.current = params
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const current = paramsRef.current
    if (current === null) return
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const result = await call(action, current)
      if (mine === seq.current) setData(result)
    } catch (err) {
      if (mine === seq.current) setError(toClientError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [action])

  useEffect(() => {
    if (key !== null) void reload()
  }, [key, reload])

  return { data, error, loading, reload }
}
