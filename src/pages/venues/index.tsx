import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { PageContainer, PagedList, useListGestures } from '@/components'
import { VenueCard } from '@/components/venue-card'
import { usePages } from '@/api/use-pages'
import { useUnread } from '@/api/use-unread'
import { venueDetailUrl } from '@/utils/routes'

/** 场馆: the published venues; a venue's page holds its date strip and the day's grid. */
export default function Venues() {
  useUnread({ badge: true })
  const venues = usePages('venue.list', 10)
  const shown = useRef(false)

  // Back from a venue: staff may have published another meanwhile.
  useDidShow(() => {
    if (shown.current) void venues.refresh()
    shown.current = true
  })
  useListGestures(venues)

  return (
    <PageContainer>
      <PagedList
        pages={venues}
        keyOf={(v) => v.id}
        render={(v) => (
          <VenueCard venue={v} onTap={() => void Taro.navigateTo({ url: venueDetailUrl(v.id) })} />
        )}
        empty={{ title: '暂无开放预约的场馆', hint: '乒乓球等场地开放预约后会显示在这里' }}
        endText="没有更多场馆了"
      />
    </PageContainer>
  )
}
