import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { EntryAction, MyEntry } from '@contract'
import { PageContainer, PagedList, useListGestures } from '@/components'
import { usePages } from '@/api/use-pages'
import { activityDetailUrl } from '@/utils/routes'
import { EntryCard } from '../components/entry-card'
import { useCancelEntry } from '../use-cancel-entry'
import { useConfirmEntry } from '../use-confirm-entry'
import './index.scss'

/** 我的报名: every entry the member has, newest first, with what each allows now. */
export default function MyEntries() {
  const entries = usePages('entry.mine', 10)
  const cancel = useCancelEntry(() => void entries.refresh())
  const confirmEntry = useConfirmEntry(() => void entries.refresh())
  const shown = useRef(false)

  // Back from an activity (an edit, a new signup): the list must show it.
  useDidShow(() => {
    if (shown.current) void entries.refresh()
    shown.current = true
  })
  useListGestures(entries)

  const open = (entry: MyEntry, edit = false) =>
    void Taro.navigateTo({ url: activityDetailUrl(entry.activityId, { edit }) })

  const act = (action: EntryAction, entry: MyEntry) => {
    if (action === 'edit') open(entry, true)
    else if (action === 'confirm') void confirmEntry.run(entry)
    else void cancel.run(entry)
  }

  return (
    <PageContainer>
      <PagedList
        pages={entries}
        keyOf={(e) => e.id}
        render={(e) => (
          <EntryCard
            entry={e}
            title={e.activityTitle}
            onAction={act}
            busy={cancel.submitting || confirmEntry.submitting}
            footer={
              <Text className="zg-entries__link" onClick={() => open(e)}>
                查看活动 ›
              </Text>
            }
          />
        )}
        empty={{ title: '还没有报名', hint: '在“活动”里找到想参加的活动，报名后会显示在这里' }}
        endText="没有更多报名了"
      />
    </PageContainer>
  )
}
