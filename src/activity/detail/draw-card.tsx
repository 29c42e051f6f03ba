import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Activity, DrawState } from '@contract'
import { Button, Card, ErrorState, LoadingState } from '@/components'
import { useQuery } from '@/api/use-query'
import { DrawLists } from '../components/draw-list'
import { HashLine } from '../components/hash-line'
import { CopyRecordButton, VerifyHelp } from '../components/verify-help'
import { DRAW_ROWS_SHOWN, drawListUrl, drawRows, myPlaceText, peopleOf } from '../draw-words'
import { sessionSpan, shortTime } from '../when'

const SEED_HINT =
  '活动发布时，中心已生成一个保密的随机种子，这里先公布它的哈希（相当于指纹）。抽签后公布种子本身，任何人都能核对两者一致，从而确认种子没有在看到报名名单后更换。'
const LIST_HINT = '报名截止时封存的名单（报名编号、人数、权重）的哈希；此后名单不能再改。'
const REVEALED_HINT = '抽签时公布的种子；它的哈希应与上方的种子承诺一致。'

type SessionState = DrawState['sessions'][number]

/** 抽签时间：6月10日 12:00, or when it will be. */
function drawTimeText(activity: Activity, state: SessionState): string {
  if (state.drawnAt) return `抽签时间：${shortTime(state.drawnAt)}`
  return activity.drawAt
    ? `抽签时间：将于${shortTime(activity.drawAt)}抽签`
    : '抽签时间：报名截止后抽签'
}

/** One session once its list is frozen: the list's hash and size, then the result when drawn. */
function SessionDraw({ activity, state }: { activity: Activity; state: SessionState }) {
  // The record exists once the list is frozen (before that the server answers NOT_FOUND).
  const record = useQuery(
    'draw.record',
    state.listHash ? { activityId: activity.id, sessionId: state.sessionId } : null,
  )
  const session = activity.sessions.find((s) => s.id === state.sessionId)
  const myId = activity.myEntry?.id ?? null
  const r = record.data
  const rows = r ? drawRows(r) : null
  const mine = r ? myPlaceText(r, myId) : null
  const more =
    rows && (rows.winners.length > DRAW_ROWS_SHOWN || rows.waitlist.length > DRAW_ROWS_SHOWN)
  return (
    <View className="zg-draw__session">
      {session ? (
        <Text className="zg-draw__session-title">
          场次：{sessionSpan(session.startAt, session.endAt)}
        </Text>
      ) : null}
      {state.listHash ? (
        <HashLine label="名单哈希" value={state.listHash} hint={LIST_HINT} />
      ) : (
        <Text className="zg-draw__line">报名名单正在封存，稍后在这里公布名单哈希。</Text>
      )}
      <Text className="zg-draw__line">{drawTimeText(activity, state)}</Text>
      {state.listHash && !r ? (
        record.error ? (
          <ErrorState
            message={`抽签记录载入失败：${record.error.message}`}
            onRetry={() => void record.reload()}
          />
        ) : (
          <LoadingState text="正在载入抽签记录…" />
        )
      ) : null}
      {r && rows ? (
        <>
          <Text className="zg-draw__line">
            参加抽签：{r.entries.length} 份报名，共 {peopleOf(r)} 人；名额 {r.seats} 人
          </Text>
          {mine ? <Text className="zg-draw__mine">{mine}</Text> : null}
          {r.seed ? (
            <>
              <HashLine label="种子（已公布）" value={r.seed} hint={REVEALED_HINT} />
              <DrawLists
                rows={rows}
                myId={myId}
                limits={{ winners: DRAW_ROWS_SHOWN, waitlist: DRAW_ROWS_SHOWN }}
              />
              {more ? (
                <Button
                  block
                  className="zg-draw__button"
                  onClick={() =>
                    void Taro.navigateTo({ url: drawListUrl(activity.id, state.sessionId) })
                  }
                >
                  查看全部名单
                </Button>
              ) : null}
              <CopyRecordButton record={r} />
            </>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

/**
 * 抽签公示: before the window closes the seed's commitment; after it each session's frozen list
 * (hash, size, draw time); after the draw the seed, 入选名单 and 候补顺序 with the member's own
 * entry marked, and how anyone can check them.
 */
export function DrawCard({ activity }: { activity: Activity }) {
  const { draw } = activity
  if (activity.allocation !== 'lottery' || !draw || activity.phase === 'cancelled') return null
  const open = activity.phase === 'upcoming' || activity.phase === 'open'
  const drawn = draw.sessions.some((s) => s.drawnAt)
  return (
    <Card title="抽签公示">
      <View className="zg-draw">
        {draw.seedHash ? (
          <HashLine label="种子承诺（哈希）" value={draw.seedHash} hint={SEED_HINT} />
        ) : (
          <Text className="zg-draw__intro">种子承诺将在活动发布时公布。</Text>
        )}
        {open ? (
          <Text className="zg-draw__intro">
            报名截止后，这里将公布每个场次的名单哈希和参加人数；抽签后公布种子、入选名单和候补顺序。
          </Text>
        ) : (
          draw.sessions.map((s) => (
            // A new list hash or draw time is a new record: load it afresh.
            <SessionDraw
              key={`${s.sessionId}:${s.listHash ?? ''}:${s.drawnAt ?? ''}`}
              activity={activity}
              state={s}
            />
          ))
        )}
        {drawn ? <VerifyHelp /> : null}
      </View>
    </Card>
  )
}
