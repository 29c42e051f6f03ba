import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EntryAction, MyEntryView } from '@contract'
import { ErrorState, LoadingState, PageContainer } from '@/components'
import { ShareButton } from '@/components/share-button'
import { useQuery } from '@/api/use-query'
import { activityDetailUrl } from '@/utils/routes'
import { EntryCard } from '../components/entry-card'
import { useCancelEntry } from '../use-cancel-entry'
import { useConfirmEntry } from '../use-confirm-entry'
import { PublicStatus } from './public-status'
import { entryShareCard } from './share'
import './index.scss'

/**
 * 报名状态: what a subscription message and a shared card open (`?id=<entryId>`). The entry's
 * member sees it whole, with the next action (确认参加, 接受递补, 我去不了了, …) and the ticket
 * once usable; anyone else the public status only, as the server decides by who is asking.
 */
export default function EntryStatus() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const entry = useQuery('entry.get', id ? { id } : null)
  const shown = useRef(false)
  const view = entry.data

  // Live: read again whenever the page shows (back from the activity, or WeChat in front again).
  useDidShow(() => {
    if (shown.current) void entry.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void entry.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => entryShareCard(view, id))

  if (!id) {
    return (
      <PageContainer>
        <ErrorState message="报名链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }
  if (!view) {
    return (
      <PageContainer>
        {entry.error ? (
          <ErrorState message={entry.error.message} onRetry={() => void entry.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  const openActivity = () => void Taro.navigateTo({ url: activityDetailUrl(view.activityId) })
  return (
    <PageContainer className="zg-entry-page">
      <View className="zg-entry-page__head" onClick={openActivity}>
        <Text className="zg-entry-page__title">{view.activityTitle}</Text>
        <Text className="zg-entry-page__link">查看活动 ›</Text>
      </View>
      {view.mine ? <OwnerStatus view={view} reload={entry.reload} /> : <PublicStatus card={view} />}
    </PageContainer>
  )
}

/** The member's own entry: the card with its actions and ticket, and sharing it. */
function OwnerStatus({ view, reload }: { view: MyEntryView; reload: () => Promise<void> }) {
  const cancel = useCancelEntry(() => void reload())
  const confirmEntry = useConfirmEntry(() => void reload())

  const act = (action: EntryAction) => {
    if (action === 'confirm') void confirmEntry.run(view)
    else if (action === 'cancel') void cancel.run(view)
    // 修改 is the signup form, which lives on the activity's page.
    else void Taro.navigateTo({ url: activityDetailUrl(view.activityId, { edit: true }) })
  }

  return (
    <>
      <EntryCard
        entry={view}
        title="我的报名"
        onAction={act}
        busy={cancel.submitting || confirmEntry.submitting}
      />
      <ShareButton
        card={() => entryShareCard(view, view.id)}
        hint="分享给家人或同伴：对方只能看到活动、场次和状态，看不到电子票，也不能操作。"
      />
    </>
  )
}
