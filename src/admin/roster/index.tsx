import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Roster, RosterExport, RosterStatus, RosterTicket } from '@contract'
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  PageContainer,
  StatusBadge,
  type BadgeTone,
} from '@/components'
import { useQuery } from '@/api/use-query'
import { useSubmitOutcome } from '@/api/use-submit'
import { isStaff } from '@/utils/roles'
import { formatShanghai } from '@/utils/time'
import { openExport } from './export-roster'
import './index.scss'

const TONES: Record<RosterStatus, BadgeTone> = {
  waiting: 'amber',
  checkedIn: 'green',
  noShow: 'red',
}

function Counts({ roster }: { roster: Roster }) {
  const { counts } = roster
  return (
    <View className="zg-roster__head">
      <Text className="zg-roster__title">{roster.activityTitle}</Text>
      <Text className="zg-roster__line">
        {formatShanghai(roster.sessionStartAt, 'M月D日 HH:mm')}–
        {formatShanghai(roster.sessionEndAt, 'HH:mm')} · {roster.placeName}
      </Text>
      <Text className="zg-roster__counts">
        {`共 ${counts.tickets} 张票 ${counts.people} 人，已检票 ${counts.checkedIn} 张 ${counts.checkedInPeople} 人`}
      </Text>
      {counts.noShow ? <Text className="zg-roster__line">爽约 {counts.noShow} 张</Text> : null}
    </View>
  )
}

function TicketRow({ ticket }: { ticket: RosterTicket }) {
  return (
    <View className="zg-roster-row">
      <View className="zg-roster-row__main">
        <Text className="zg-roster-row__name">{ticket.maskedName || '（无姓名）'}</Text>
        <Text className="zg-roster-row__party">
          {ticket.companions ? `共 ${ticket.partySize} 人（同行 ${ticket.companions} 人）` : '1 人'}
        </Text>
        {ticket.checkedInAt ? (
          <Text className="zg-roster-row__time">
            检票于 {formatShanghai(ticket.checkedInAt, 'HH:mm:ss')}
          </Text>
        ) : null}
      </View>
      <StatusBadge text={ticket.statusText} tone={TONES[ticket.status]} />
    </View>
  )
}

/** 导出 Excel, for staff: the file is made in the cloud, then opened or downloaded here. */
function ExportButton({ activityId, sessionId }: { activityId: string; sessionId: string }) {
  const run = useSubmitOutcome('ticket.exportRoster')
  const [done, setDone] = useState<RosterExport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const start = async () => {
    setProblem(null)
    const outcome = await run.submit({ activityId, sessionId })
    if (!outcome.ok) return
    setDone(outcome.data)
    try {
      await openExport(outcome.data)
    } catch {
      setProblem('文件已生成，但未能打开；请稍后再试')
    }
  }
  return (
    <View className="zg-roster__export">
      <Button
        block
        type="primary"
        fill="outline"
        loading={run.submitting}
        disabled={run.submitting}
        onClick={() => void start()}
      >
        导出 Excel
      </Button>
      {done ? (
        <Text className="zg-roster__line">
          已导出：{done.fileName}（{done.tickets} 张票）
        </Text>
      ) : null}
      {problem ? <Text className="zg-roster__problem">{problem}</Text> : null}
    </View>
  )
}

/** 检票名单: one session's tickets for the door, masked names sorted, with the counts. */
export default function RosterPage() {
  const { params } = useRouter()
  const activityId = params.activityId ?? ''
  const sessionId = params.sessionId ?? ''
  const roster = useQuery('ticket.roster', activityId ? { activityId, sessionId } : null)
  const me = useQuery('me.get', {})

  if (!roster.data) {
    return (
      <PageContainer>
        {roster.error ? (
          <ErrorState message={roster.error.message} onRetry={() => void roster.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageContainer>
    )
  }
  const data = roster.data
  return (
    <PageContainer>
      <View className="zg-roster">
        <Counts roster={data} />
        <View className="zg-roster__bar">
          <Button
            className="zg-roster__refresh"
            loading={roster.loading}
            onClick={() => void roster.reload()}
          >
            刷新
          </Button>
        </View>
        {me.data && isStaff(me.data.roles) ? (
          <ExportButton activityId={activityId} sessionId={sessionId} />
        ) : null}
        {data.tickets.length ? (
          <View className="zg-roster__list">
            {data.tickets.map((t) => (
              <TicketRow key={t.entryId} ticket={t} />
            ))}
          </View>
        ) : (
          <EmptyState title="本场还没有票" hint="报名成功或中签确认后，票会出现在这里" />
        )}
        <Text className="zg-roster__note">姓名已隐去中间字，仅供现场核对</Text>
      </View>
    </PageContainer>
  )
}
