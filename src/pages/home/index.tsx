import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import {
  EmptyState,
  ErrorState,
  List,
  LoadingState,
  NoticeCard,
  PageContainer,
  UnionHeader,
} from '@/components'
import { usePages } from '@/api/use-pages'
import { noticeDetailUrl } from '@/utils/routes'

export default function Home() {
  const notices = usePages('notice.list')

  usePullDownRefresh(() => {
    void notices.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void notices.loadMore()
  })

  const open = (id: string) => {
    void Taro.navigateTo({ url: noticeDetailUrl(id) })
  }

  return (
    <PageContainer>
      <UnionHeader />
      {notices.loading && notices.items.length === 0 ? (
        <LoadingState />
      ) : notices.error && notices.items.length === 0 ? (
        <ErrorState message={notices.error.message} onRetry={() => void notices.refresh()} />
      ) : notices.items.length === 0 ? (
        <EmptyState title="暂无公告" hint="中心发布的活动和场馆公告会显示在这里" />
      ) : (
        <List
          items={notices.items}
          keyOf={(n) => n.id}
          render={(n) => <NoticeCard notice={n} onTap={() => open(n.id)} />}
          loadingMore={notices.loadingMore}
          hasMore={notices.hasMore}
          endText="没有更多公告了"
        />
      )}
    </PageContainer>
  )
}
