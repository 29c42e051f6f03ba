import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DrawSummary, ManagedActivity } from '@contract'
import { Button } from '@/components'
import { useSubmitOutcome } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { formatShanghai } from '@/utils/time'
import { FieldError } from '../components/field-error'

interface Props {
  activity: ManagedActivity
  /** After the draw: the activity read again, so its state and draw times are current. */
  onDrawn: () => Promise<void>
}

function sessionName(activity: ManagedActivity, sessionId: string): string {
  const index = activity.sessions.findIndex((s) => s.id === sessionId)
  if (index < 0) return `场次 ${sessionId}`
  return `第${index + 1}场（${formatShanghai(activity.sessions[index].startAt, 'M月D日 HH:mm')}）`
}

/** A lottery still waiting for its draw once the window has closed. */
export function canDrawNow(activity: ManagedActivity): boolean {
  if (activity.allocation !== 'lottery' || activity.status !== 'published') return false
  if (activity.phase !== 'closed') return false
  const sessions = activity.draw?.sessions ?? []
  return sessions.length === 0 || sessions.some((s) => !s.drawnAt)
}

/**
 * 立即抽签: staff draw a closed lottery without waiting for its draw time, after a confirmation
 * that the result is published at once and cannot be undone; then each session's counts.
 */
export function DrawNow({ activity, onDrawn }: Props) {
  const run = useSubmitOutcome('draw.run')
  const [summary, setSummary] = useState<DrawSummary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (activity.allocation !== 'lottery' || activity.status !== 'published') return null

  const drawnAt = (activity.draw?.sessions ?? [])
    .map((s) => s.drawnAt)
    .filter((at): at is string => Boolean(at))
    .sort()
    .pop()
  const ready = canDrawNow(activity)
  const waiting = activity.phase === 'upcoming' || activity.phase === 'open'
  if (!waiting && !ready && !summary && !drawnAt) return null

  const start = async () => {
    const ok = await confirm(
      '立即抽签',
      `抽签后结果立即公布，不能撤销。确定现在为「${activity.title}」抽签吗？`,
      '立即抽签',
    )
    if (!ok) return
    setProblem(null)
    const outcome = await run.submit({ activityId: activity.id })
    if (!outcome.ok) {
      setProblem(outcome.error.message)
      return
    }
    setSummary(outcome.data)
    toast('抽签完成，结果已公布')
    await onDrawn()
  }

  return (
    <View className="zg-act-draw">
      <Text className="zg-act-draw__title">抽签</Text>
      {waiting ? (
        <Text className="zg-act-draw__line">
          报名截止后，可在这里立即抽签，不必等到设定的抽签时间。
        </Text>
      ) : null}
      {ready ? (
        <>
          <Text className="zg-act-draw__line">
            报名已截止，尚未抽签。抽签后结果立即向会员公布，不能撤销。
          </Text>
          <Button
            block
            type="primary"
            className="zg-act-draw__button"
            loading={run.submitting}
            disabled={run.submitting}
            onClick={() => void start()}
          >
            立即抽签
          </Button>
        </>
      ) : null}
      {problem ? <FieldError messages={[problem]} /> : null}
      {summary ? (
        <View className="zg-act-draw__summary">
          <Text className="zg-act-draw__done">✓ 抽签完成，结果已公布</Text>
          {summary.sessions.map((s) => (
            <Text key={s.sessionId} className="zg-act-draw__line">
              {`${sessionName(activity, s.sessionId)}：${s.entries} 份报名，入选 ${s.winners} 份，候补 ${s.waitlist} 份`}
            </Text>
          ))}
        </View>
      ) : drawnAt && !ready ? (
        <Text className="zg-act-draw__line">
          已于 {formatShanghai(drawnAt, 'M月D日 HH:mm')} 抽签，结果已向会员公布。
        </Text>
      ) : null}
    </View>
  )
}
