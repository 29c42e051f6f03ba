import type { ReactNode } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PagesState } from '@/api/use-pages'
import { List } from '../list'
import { Button } from '../nutui'
import { EmptyState, ErrorState, LoadingState } from '../states'
import './index.scss'

interface Props<T> {
  pages: PagesState<T>
  keyOf: (item: T) => string
  render: (item: T) => ReactNode
  empty: { title: string; hint?: string }
  endText?: string
  /** A 加载更多 button besides pull-up: long logs are read at a desk, not only thumbed. */
  moreButton?: boolean
}

/**
 * A paged list with the states every list needs: loading, an error with retry, empty, then the
 * items and their paging footer. Errors after the first page keep what was already shown.
 */
export function PagedList<T>({ pages, keyOf, render, empty, endText, moreButton }: Props<T>) {
  if (pages.items.length === 0) {
    if (pages.loading) return <LoadingState />
    if (pages.error)
      return <ErrorState message={pages.error.message} onRetry={() => void pages.refresh()} />
    return <EmptyState title={empty.title} hint={empty.hint} />
  }
  return (
    <>
      <List
        items={pages.items}
        keyOf={keyOf}
        render={render}
        loadingMore={pages.loadingMore}
        hasMore={pages.hasMore && !moreButton}
        endText={endText}
      />
      {moreButton && pages.hasMore ? (
        <View className="zg-paged-list__more">
          <Button block loading={pages.loadingMore} onClick={() => void pages.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </>
  )
}

/** The page's pull-down refresh and reach-bottom paging, wired to one paged list. */
export function useListGestures(pages: Pick<PagesState<unknown>, 'refresh' | 'loadMore'>) {
  usePullDownRefresh(() => {
    void pages.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void pages.loadMore()
  })
}
