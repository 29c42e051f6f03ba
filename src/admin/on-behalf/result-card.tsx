import { Text } from '@tarojs/components'
import { Card, InfoRows, StatusBadge } from '@/components'
import { entryBadge } from '@/utils/activity-labels'
import { formatShanghai } from '@/utils/time'
import type { Result } from './use-on-behalf'

/** The answer to the last write, where staff are looking, to read back to the member. */
export function ResultCard({ result }: { result: Result }) {
  if (result.kind === 'refused') {
    return (
      <Card title={`${result.title}未成功`} extra={<StatusBadge text="未成功" tone="red" />}>
        <Text className="zg-behalf__result">{result.message}</Text>
      </Card>
    )
  }
  const { entry } = result
  const status = entryBadge(entry.status)
  return (
    <Card
      title={`${result.title}：${status.text}`}
      extra={<StatusBadge text={status.text} tone={status.tone} />}
    >
      <InfoRows
        rows={[
          { label: '活动', value: entry.activityTitle },
          { label: '场次', value: formatShanghai(entry.sessionStartAt) },
          { label: '地点', value: entry.placeName },
          { label: '人数', value: `${entry.partySize}人（含会员本人）` },
          ...(entry.cancelUntil
            ? [{ label: '可取消至', value: formatShanghai(entry.cancelUntil) }]
            : []),
        ]}
      />
    </Card>
  )
}
