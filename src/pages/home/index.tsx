import Taro from '@tarojs/taro'
import { NoticeCard, PageContainer, PagedList, UnionHeader, useListGestures } from '@/components'
import { usePages } from '@/api/use-pages'
import { useUnread } from '@/api/use-unread'
import { noticeDetailUrl } from '@/utils/routes'

export default function Home() {
  const notices = usePages('notice.list')
  useUnread({ badge: true })

  useListGestures(notices)

  const open = (id: string) => {
    void Taro.navigateTo({ url: noticeDetailUrl(id) })
  }

  return (
    <PageContainer>
      <UnionHeader />
      <PagedList
        pages={notices}
        keyOf={(n) => n.id}
        render={(n) => <NoticeCard notice={n} onTap={() => open(n.id)} />}
        empty={{ title: '暂无公告', hint: '中心发布的活动和场馆公告会显示在这里' }}
        endText="没有更多公告了"
      />
    </PageContainer>
  )
}
