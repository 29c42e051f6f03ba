import { EmptyState, PageContainer } from '@/components'

// No activity actions exist in the contract yet: an honest empty state, never sample data.
export default function Activities() {
  return (
    <PageContainer>
      <EmptyState
        title="活动报名即将开放"
        hint="公益演出、茶会等活动的报名将在这里进行，请留意首页公告"
      />
    </PageContainer>
  )
}
