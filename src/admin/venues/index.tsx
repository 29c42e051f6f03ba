import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Card, PageContainer, PagedList, StatusBadge, useListGestures } from '@/components'
import { usePages } from '@/api/use-pages'
import { adminVenueEditUrl } from '@/utils/routes'
import { STATUS_LABELS } from '../venue-edit/form'
import './index.scss'

/** 场馆管理: every venue with its state; tap one to edit it, or make a new one. */
export default function AdminVenues() {
  const venues = usePages('venue.manageList', 20)
  const shown = useRef(false)
  // Back from the editor: show what was saved.
  useDidShow(() => {
    if (shown.current) void venues.refresh()
    shown.current = true
  })
  useListGestures(venues)
  return (
    <PageContainer>
      <View className="zg-admin-venues__new">
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: adminVenueEditUrl() })}
        >
          新建场馆
        </Button>
      </View>
      <PagedList
        pages={venues}
        keyOf={(v) => v.id}
        render={(v) => (
          <Card
            title={v.name}
            extra={
              <StatusBadge
                text={STATUS_LABELS[v.status]}
                tone={v.status === 'published' ? 'green' : 'grey'}
              />
            }
            onTap={() => void Taro.navigateTo({ url: adminVenueEditUrl(v.id) })}
          >
            <Text className="zg-admin-venues__line">
              {v.calendar.from} 至 {v.calendar.to} · 每天 {v.hours.open}–{v.hours.close} ·{' '}
              {v.resources} 个场地
            </Text>
          </Card>
        )}
        empty={{ title: '还没有场馆', hint: '点“新建场馆”添加乒乓球台等可预约的场地' }}
        endText="没有更多场馆了"
      />
    </PageContainer>
  )
}
