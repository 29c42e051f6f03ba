import { EmptyState, PageContainer } from '@/components'
import { useUnread } from '@/api/use-unread'

// No venue actions exist in the contract yet: an honest empty state, never sample data.
export default function Venues() {
  useUnread({ badge: true })
  return (
    <PageContainer>
      <EmptyState
        title="场馆预约即将开放"
        hint="乒乓球等场地的时段预约将在这里进行，请留意首页公告"
      />
    </PageContainer>
  )
}
