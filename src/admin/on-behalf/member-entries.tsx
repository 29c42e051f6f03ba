import { Input, Text, View } from '@tarojs/components'
import type { MyEntry } from '@contract'
import { Button, Card, InfoRows, PagedList, StatusBadge } from '@/components'
import { usePages } from '@/api/use-pages'
import { ALLOCATION_LABELS, entryBadge } from '@/utils/activity-labels'
import { formatShanghai } from '@/utils/time'
import { messagesUnder } from '../components/field-paths'
import { FieldError } from '../components/field-error'
import type { OnBehalf } from './use-on-behalf'

function EntryCard({ entry, flow }: { entry: MyEntry; flow: OnBehalf }) {
  const status = entryBadge(entry.status)
  const withdrawing = flow.withdraw.entry?.id === entry.id
  const names = entry.companions.map((c) =>
    c.age === undefined ? c.name : `${c.name}（${c.age}岁）`,
  )
  return (
    <Card title={entry.activityTitle} extra={<StatusBadge text={status.text} tone={status.tone} />}>
      <InfoRows
        rows={[
          { label: '场次', value: formatShanghai(entry.sessionStartAt) },
          { label: '方式', value: ALLOCATION_LABELS[entry.allocation] },
          { label: '人数', value: `${entry.partySize}人` },
          ...(names.length ? [{ label: '同行人', value: names.join('、') }] : []),
          ...(entry.byStaff ? [{ label: '办理', value: '工作人员代办' }] : []),
          ...(entry.cancelReason ? [{ label: '取消原因', value: entry.cancelReason }] : []),
        ]}
      />
      {withdrawing ? (
        <View className="zg-behalf__withdraw">
          <Input
            className="zg-behalf__input"
            value={flow.withdraw.reason}
            maxlength={200}
            placeholder="取消原因（记入操作日志）"
            onInput={(e) => flow.withdraw.setReason(e.detail.value)}
          />
          <FieldError messages={messagesUnder(flow.errors, 'reason')} />
          <View className="zg-behalf__actions">
            <Button size="small" type="primary" disabled={flow.busy} onClick={flow.withdraw.commit}>
              确认取消报名
            </Button>
            <Button size="small" onClick={flow.withdraw.stop}>
              不取消
            </Button>
          </View>
        </View>
      ) : entry.actions.length ? (
        <View className="zg-behalf__actions">
          {entry.actions.includes('edit') ? (
            <Button size="small" disabled={flow.busy} onClick={() => flow.signup.startEdit(entry)}>
              修改
            </Button>
          ) : null}
          {entry.actions.includes('cancel') ? (
            <Button
              size="small"
              type="primary"
              fill="outline"
              disabled={flow.busy}
              onClick={() => flow.withdraw.start(entry)}
            >
              取消报名
            </Button>
          ) : null}
        </View>
      ) : (
        <Text className="zg-behalf__hint">当前状态下不能修改或取消</Text>
      )}
    </Card>
  )
}

/** The member's entries, newest first, each with only the buttons its state allows. */
export function MemberEntries({ memberId, flow }: { memberId: string; flow: OnBehalf }) {
  const entries = usePages('entry.listFor', 20, { memberId })
  return (
    <PagedList
      pages={entries}
      keyOf={(e) => e.id}
      moreButton
      empty={{ title: '该会员还没有报名' }}
      endText="没有更多报名了"
      render={(e) => <EntryCard entry={e} flow={flow} />}
    />
  )
}
