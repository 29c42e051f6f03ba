import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import {
  Button,
  NoticeCard,
  PageContainer,
  PagedList,
  StatusBadge,
  useListGestures,
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
  useListGestures(notices)

  const edit = (id?: string) => void Taro.navigateTo({ url: adminEditUrl(id) })

  return (
    <PageContainer>
      <View className="zg-admin-bar">
        <Button type="primary" block onClick={() => edit()}>
          新建公告
        </Button>
      </View>
      <PagedList
        pages={notices}
        keyOf={(n) => n.id}
        empty={{ title: '还没有公告', hint: '点上方“新建公告”写第一条' }}
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
        endText="没有更多公告了"
      />
    </PageContainer>
  )
}
