import { useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Card, EmptyState, ErrorState, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { DrawLists } from '../components/draw-list'
import { HashLine } from '../components/hash-line'
import { CopyRecordButton, VerifyHelp } from '../components/verify-help'
import { drawRows, myPlaceText, peopleOf } from '../draw-words'
import { sessionSpan, shortTime } from '../when'
import '../components/draw.scss'
import './index.scss'

/** Rows added per step: a session of thousands is read a screenful at a time. */
const STEP = 100

/** 抽签名单: one session's whole 入选名单 and 候补顺序, the member's own entry marked. */
export default function DrawListPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const sessionId = params.sessionId ?? ''
  const ok = Boolean(activityId && sessionId)
  const record = useQuery('draw.record', ok ? { activityId, sessionId } : null)
  // For the title, the session's time and the member's own entry; the lists do not wait for it.
  const activity = useQuery('activity.get', ok ? { id: activityId } : null)
  const [limit, setLimit] = useState(STEP)
  useReachBottom(() => setLimit((l) => l + STEP))

  if (!ok) {
    return (
      <PageContainer>
        <ErrorState message="抽签名单链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }
  const r = record.data
  if (!r) {
    return (
      <PageContainer>
        {record.error ? (
          <ErrorState message={record.error.message} onRetry={() => void record.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }

  const a = activity.data
  const session = a?.sessions.find((s) => s.id === sessionId)
  const myId = a?.myEntry?.id ?? null
  const mine = myPlaceText(r, myId)
  const rows = drawRows(r)
  const total = rows.winners.length + rows.waitlist.length
  return (
    <PageContainer>
      <Card title={a?.title ?? '抽签名单'}>
        <View className="zg-draw">
          {session ? (
            <Text className="zg-draw__session-title">
              场次：{sessionSpan(session.startAt, session.endAt)}
            </Text>
          ) : null}
          <Text className="zg-draw__line">
            参加抽签：{r.entries.length} 份报名，共 {peopleOf(r)} 人；名额 {r.seats} 人
          </Text>
          <Text className="zg-draw__line">
            {r.drawnAt ? `抽签时间：${shortTime(r.drawnAt)}` : '尚未抽签'}
          </Text>
          {mine ? <Text className="zg-draw__mine">{mine}</Text> : null}
          <HashLine label="名单哈希" value={r.listHash} />
          <HashLine label="种子承诺（哈希）" value={r.seedHash} />
          {r.seed ? <HashLine label="种子（已公布）" value={r.seed} /> : null}
        </View>
      </Card>
      {r.entries.length === 0 ? (
        <EmptyState title="本场没有报名参加抽签" />
      ) : !r.seed ? (
        <EmptyState title="尚未抽签" hint="抽签后在这里公布入选名单和候补顺序" />
      ) : (
        <>
          <Card>
            <View className="zg-draw-page__lists">
              <DrawLists
                rows={rows}
                myId={myId}
                limits={{ winners: limit, waitlist: Math.max(0, limit - rows.winners.length) }}
              />
            </View>
          </Card>
          {limit < total ? (
            <View className="zg-draw-page__more">
              <Button block className="zg-draw__button" onClick={() => setLimit((l) => l + STEP)}>
                显示更多（还有 {total - limit} 份）
              </Button>
            </View>
          ) : null}
          <Card>
            <View className="zg-draw">
              <CopyRecordButton record={r} />
              <VerifyHelp />
            </View>
          </Card>
        </>
      )}
    </PageContainer>
  )
}
