import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, Page, ParamsOf, ResponseOf } from '@contract'
import { call } from './call'
import { type ClientError, toClientError } from './errors'

/** Reads that answer one page of a list and take `{cursor, limit}`. */
export type PagedAction = {
  [A in ActionName]: ResponseOf<A> extends Page<unknown> ? A : never
}[ActionName]
type ItemOf<A extends PagedAction> = ResponseOf<A> extends Page<infer T> ? T : never
/** A paged read's own filters (a search, a date range), besides the cursor and page size. */
export type FiltersOf<A extends PagedAction> = Omit<ParamsOf<A>, 'cursor' | 'limit'>

export interface PagesState<T> {
  items: T[]
  error: ClientError | undefined
  /** First page loading (or reloading from the top). */
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * A paged list: the first page on mount, `refresh` from the top, `loadMore` follows the cursor.
 * Changed `filters` start again from the top.
 */
export function usePages<A extends PagedAction>(
  action: A,
  limit = 10,
  filters?: FiltersOf<A>,
): PagesState<ItemOf<A>> {
  const [items, setItems] = useState<ItemOf<A>[]>([])
  const [error, setError] = useState<ClientError>()
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const cursor = useRef<string | undefined>(undefined)
  const [hasMore, setHasMore] = useState(false)
  const seq = useRef(0)
  const filterKey = JSON.stringify(filters ?? {})

  const fetchPage = useCallback(
    async (from: string | undefined) => {
      const params = { ...(JSON.parse(filterKey) as object), cursor: from, limit }
      const page = (await call<PagedAction>(action, params as ParamsOf<PagedAction>)) as Page<
        ItemOf<A>
      >
      cursor.current = page.nextCursor
      setHasMore(Boolean(page.nextCursor))
      return page.items
    },
    [action, limit, filterKey],
  )

  const refresh = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const first = await fetchPage(undefined)
      if (mine === seq.current) setItems(first)
    } catch (err) {
      if (mine === seq.current) setError(toClientError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [fetchPage])

  const loadMore = useCallback(async () => {
    if (loading || loadingMore || !cursor.current) return
    const mine = seq.current
    setLoadingMore(true)
    try {
      const more = await fetchPage(cursor.current)
      if (mine === seq.current) setItems((prev) => [...prev, ...more])
    } catch (err) {
      if (mine === seq.current) setError(toClientError(err))
    } finally {
      setLoadingMore(false)
    }
  }, [fetchPage, loading, loadingMore])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { items, error, loading, loadingMore, hasMore, refresh, loadMore }
}
