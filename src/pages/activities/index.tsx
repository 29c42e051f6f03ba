import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Category, PhaseFilter } from '@contract'
import { PageContainer, PagedList, useListGestures } from '@/components'
import { ActivityCard } from '@/components/activity-card'
import { usePages, type FiltersOf } from '@/api/use-pages'
import { useUnread } from '@/api/use-unread'
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  PHASE_FILTER_LABELS,
  PHASE_FILTER_ORDER,
} from '@/utils/activity-labels'
import { activityDetailUrl } from '@/utils/routes'
import { type Chip, FilterChips } from './filter-chips'
import './index.scss'

const ALL = 'all'
type All = typeof ALL

const CATEGORY_CHIPS: Chip<Category | All>[] = [
  { value: ALL, label: '全部' },
  ...CATEGORY_ORDER.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
]
const PHASE_CHIPS: Chip<PhaseFilter | All>[] = [
  { value: ALL, label: '全部' },
  ...PHASE_FILTER_ORDER.map((p) => ({ value: p, label: PHASE_FILTER_LABELS[p] })),
]

export default function Activities() {
  const [category, setCategory] = useState<Category | All>(ALL)
  const [phase, setPhase] = useState<PhaseFilter | All>(ALL)
  const filters: FiltersOf<'activity.list'> = {}
  if (category !== ALL) filters.category = category
  if (phase !== ALL) filters.phase = phase
  const activities = usePages('activity.list', 10, filters)
  useUnread({ badge: true })

  const shown = useRef(false)

  // Back from a signup: phases and seats move with the clock, so show them fresh.
  useDidShow(() => {
    if (shown.current) void activities.refresh()
    shown.current = true
  })
  useListGestures(activities)

  const filtered = category !== ALL || phase !== ALL
  return (
    <PageContainer>
      <View className="zg-activities__filters">
        <FilterChips label="类别" chips={CATEGORY_CHIPS} value={category} onChange={setCategory} />
        <FilterChips label="状态" chips={PHASE_CHIPS} value={phase} onChange={setPhase} />
      </View>
      <PagedList
        pages={activities}
        keyOf={(a) => a.id}
        render={(a) => (
          <ActivityCard
            activity={a}
            onTap={() => void Taro.navigateTo({ url: activityDetailUrl(a.id) })}
          />
        )}
        empty={
          filtered
            ? { title: '没有符合条件的活动', hint: '换个类别或状态看看' }
            : { title: '暂无活动', hint: '中心发布的公益演出、茶会等活动会显示在这里' }
        }
        endText="没有更多活动了"
      />
    </PageContainer>
  )
}
