import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import {
  Button,
  EmptyState,
  ErrorState,
  List,
  LoadingState,
  NoticeCard,
  PageContainer,
  StatusBadge,
} from '@/components'
import { usePages } from '@/api/use-pages'
import { adminEditUrl } from '@/utils/routes'
import { noticeStatus } from '../status'
import './index.scss'

export default function AdminNotices() {
  const notices = usePages('notice.manageList')
  const shown = useRef(false)

  // Back from the edit page: the list must show what was just saved or published.
  useDidShow(() => {
    if (shown.current) void notices.refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void notices.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void notices.loadMore()
  })

  const edit = (id?: string) => void Taro.navigateTo({ url: adminEditUrl(id) })

  return (
    <PageContainer>
      <View className="zg-admin-bar">
        <Button type="primary" block onClick={() => edit()}>
          新建公告
        </Button>
      </View>
      {notices.loading && notices.items.length === 0 ? (
        <LoadingState />
      ) : notices.error && notices.items.length === 0 ? (
        <ErrorState message={notices.error.message} onRetry={() => void notices.refresh()} />
      ) : notices.items.length === 0 ? (
        <EmptyState title="还没有公告" hint="点上方“新建公告”写第一条" />
      ) : (
        <List
          items={notices.items}
          keyOf={(n) => n.id}
          render={(n) => {
            const status = noticeStatus(n)
            return (
              <NoticeCard
                notice={n}
                onTap={() => edit(n.id)}
                badges={<StatusBadge text={status.text} tone={status.tone} />}
              />
            )
          }}
          loadingMore={notices.loadingMore}
          hasMore={notices.hasMore}
          endText="没有更多公告了"
        />
      )}
    </PageContainer>
  )
}
