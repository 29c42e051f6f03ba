import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ManagedActivity } from '@contract'
import {
  Button,
  Card,
  InfoRows,
  PageContainer,
  PagedList,
  StatusBadge,
  useListGestures,
} from '@/components'
import { usePages } from '@/api/use-pages'
import { ALLOCATION_LABELS, CATEGORY_LABELS, NEXT_TIME_LABELS } from '@/utils/activity-labels'
import { adminActivityEditUrl } from '@/utils/routes'
import { formatShanghai } from '@/utils/time'
import { managedStatus } from './status'
import './index.scss'

function ActivityRow({ activity, onTap }: { activity: ManagedActivity; onTap: () => void }) {
  const status = managedStatus(activity)
  const next = activity.next
  return (
    <Card
      title={activity.title}
      extra={<StatusBadge text={status.text} tone={status.tone} />}
      onTap={onTap}
      footer={
        <Text>
          {NEXT_TIME_LABELS[next.kind]}
          {next.at ? `：${formatShanghai(next.at)}` : ''}
        </Text>
      }
    >
      <InfoRows
        rows={[
          {
            label: '类别',
            value: `${CATEGORY_LABELS[activity.category]} · ${ALLOCATION_LABELS[activity.allocation]}`,
          },
          { label: '首场', value: formatShanghai(activity.firstSessionAt) },
          { label: '场次', value: `${activity.sessions.length} 场` },
          { label: '地点', value: activity.placeName },
        ]}
      />
    </Card>
  )
}

/** 活动管理: every activity, drafts included, newest first; a tap opens the editor. */
export default function AdminActivities() {
  const activities = usePages('activity.manageList')
  const shown = useRef(false)

  // Back from the editor: the list must show what was just saved, published or cancelled.
  useDidShow(() => {
    if (shown.current) void activities.refresh()
    shown.current = true
  })
  useListGestures(activities)

  const edit = (id?: string) => void Taro.navigateTo({ url: adminActivityEditUrl(id) })

  return (
    <PageContainer>
      <View className="zg-admin-activities__bar">
        <Button type="primary" block onClick={() => edit()}>
          新建活动
        </Button>
      </View>
      <PagedList
        pages={activities}
        keyOf={(a) => a.id}
        empty={{ title: '还没有活动', hint: '点上方“新建活动”创建第一个' }}
        render={(a) => <ActivityRow activity={a} onTap={() => edit(a.id)} />}
        endText="没有更多活动了"
      />
    </PageContainer>
  )
}
