import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Loading } from '../nutui'
import './index.scss'

interface Props<T> {
  items: readonly T[]
  keyOf: (item: T) => string
  render: (item: T) => ReactNode
  loadingMore?: boolean
  hasMore?: boolean
  /** Shown under a list that has reached its end; nothing when omitted. */
  endText?: string
}

/** A vertical list of cards with its paging footer; the page decides loading, empty and error. */
export function List<T>({ items, keyOf, render, loadingMore, hasMore, endText }: Props<T>) {
  return (
    <View className="zg-list">
      {items.map((item) => (
        <View key={keyOf(item)}>{render(item)}</View>
      ))}
      <View className="zg-list__foot">
        {loadingMore ? (
          <Loading type="circular">加载中…</Loading>
        ) : hasMore ? (
          <Text>上拉加载更多</Text>
        ) : endText ? (
          <Text>{endText}</Text>
        ) : null}
      </View>
    </View>
  )
}
