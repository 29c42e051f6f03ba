import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { PageContainer, PagedList, useListGestures } from '@/components'
import { usePages } from '@/api/use-pages'
import { AppealCard } from './appeal-card'
import './index.scss'

/** 爽约申诉: open appeals, oldest first; staff clear or keep each with a reason (audited). */
export default function Appeals() {
  const appeals = usePages('booking.appeals', 10)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void appeals.refresh()
    shown.current = true
  })
  useListGestures(appeals)
  return (
    <PageContainer>
      <PagedList
        pages={appeals}
        keyOf={(a) => a.ref}
        render={(a) => <AppealCard appeal={a} onDone={() => void appeals.refresh()} />}
        empty={{ title: '没有待处理的申诉', hint: '会员对爽约提出申诉后会显示在这里' }}
        endText="没有更多申诉了"
      />
    </PageContainer>
  )
}
