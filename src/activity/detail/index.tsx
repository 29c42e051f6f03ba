import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRef } from 'react'
import { ErrorState, InfoRows, LoadingState, PageContainer, Card } from '@/components'
import { useQuery } from '@/api/use-query'
import type { ShareCard } from '@/api/share'
import { ShareButton } from '@/components/share-button'
import { activityDetailUrl } from '@/utils/routes'
import { OpeningCountdown } from './countdown'
import { DrawCard } from './draw-card'
import { ActivityHeader } from './header'
import { RulesCard } from './rules-card'
import { SessionsCard } from './sessions-card'
import { SignupSection } from './signup-section'
import { StatusNote, VerifyPrompt, closedText } from './status-note'
import './index.scss'

/** 活动详情: what, when, where, the rules in words, and the member's signup on the same screen. */
export default function ActivityDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useQuery('activity.get', id ? { id } : null)
  const me = useQuery('me.get', {})
  const shown = useRef(false)

  // Back from 会员认证 (now verified) or from 我的报名 (an entry changed).
  useDidShow(() => {
    if (shown.current) {
      void me.reload()
      void activity.reload()
    }
    shown.current = true
  })

  // One card for WeChat's share sheet and for the H5 demo's 分享给好友 alike.
  const shareCard = (): ShareCard => ({
    title: activity.data?.title ?? '浙工服务活动',
    path: activityDetailUrl(id),
    imageUrl: activity.data?.posterUrl ?? undefined,
  })
  useShareAppMessage(shareCard)

  if (!id) {
    return (
      <PageContainer>
        <ErrorState message="活动链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }
  const a = activity.data
  if (!a) {
    return (
      <PageContainer>
        {activity.error ? (
          <ErrorState message={activity.error.message} onRetry={() => void activity.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  const closed = closedText(a)
  const verified = me.data?.verified
  return (
    <PageContainer className="zg-activity">
      <ActivityHeader activity={a} />
      {a.phase === 'upcoming' ? (
        <OpeningCountdown opensAt={a.signupOpensAt} onOpen={() => void activity.reload()} />
      ) : null}
      {closed ? <StatusNote title={closed.title} text={closed.text} /> : null}
      <SessionsCard activity={a} />
      <Card title="地点">
        <InfoRows
          rows={[
            { label: '场馆', value: a.place.name },
            { label: '地址', value: a.place.address },
          ]}
        />
      </Card>
      <RulesCard activity={a} />
      {a.phase === 'upcoming' && verified === false ? <VerifyPrompt /> : null}
      <SignupSection
        // A new activity (a share card opened on top) starts a new form.
        key={a.id}
        activity={a}
        verified={verified}
        startInEdit={params.edit === '1'}
        reload={activity.reload}
      />
      <DrawCard activity={a} />
      <ShareButton card={shareCard} hint="把活动分享给同事或家人，对方打开即可查看和报名。" />
    </PageContainer>
  )
}
