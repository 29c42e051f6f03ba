import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { EntryAction, MyEntry } from '@contract'
import { Button, Card, StatusBadge } from '@/components'
import { TicketQr } from '@/components/ticket-qr'
import { entryBadge } from '@/utils/activity-labels'
import { lostReasonText, weightText } from '../draw-words'
import { actionLabel, cancelWord, partyText } from '../entry-words'
import { sessionTime, shortTime } from '../when'
import './entry-card.scss'

interface Props {
  entry: MyEntry
  /** The card's title; 我的报名 names the activity, the detail page says 我的报名. */
  title: string
  onAction: (action: EntryAction, entry: MyEntry) => void
  busy?: boolean
  /** Below the actions: 我的报名 links to the activity. */
  footer?: ReactNode
}

/**
 * One entry as its member sees it: the status in words, the session, who comes, and only the
 * actions the server says the entry allows now.
 */
export function EntryCard({ entry, title, onAction, busy, footer }: Props) {
  const badge = entryBadge(entry.status)
  const cancelUntil = entry.actions.includes('cancel') ? entry.cancelUntil : null
  return (
    <Card title={title} extra={<StatusBadge text={badge.text} tone={badge.tone} />} footer={footer}>
      <View className="zg-entry">
        <Text className="zg-entry__line">场次：{sessionTime(entry.sessionStartAt)}</Text>
        <Text className="zg-entry__line">地点：{entry.placeName}</Text>
        <Text className="zg-entry__line">人数：{partyText(entry)}</Text>
        {entry.byStaff ? <Text className="zg-entry__note">由工作人员代为办理</Text> : null}
        {entry.status === 'cancelled' && entry.cancelReason ? (
          <Text className="zg-entry__note">取消原因：{entry.cancelReason}</Text>
        ) : null}
        {entry.status === 'lost' && entry.cancelReason ? (
          <Text className="zg-entry__note">{lostReasonText(entry.cancelReason)}</Text>
        ) : null}
        {entry.status === 'waitlisted' && entry.waitlistPosition !== null ? (
          <>
            <Text className="zg-entry__place">候补第 {entry.waitlistPosition} 位</Text>
            <Text className="zg-entry__hint">有人放弃名额时，按候补顺序依次递补</Text>
          </>
        ) : null}
        {entry.status === 'pending' && entry.weight ? (
          <>
            <Text className="zg-entry__line">{weightText(entry.weight)}</Text>
            <Text className="zg-entry__hint">权重越高，中签机会越大；同行人数不影响权重</Text>
          </>
        ) : null}
        {entry.status === 'won' && entry.confirmBy ? (
          <Text className="zg-entry__place">
            请在 {shortTime(entry.confirmBy)} 前确认参加，逾期名额将释放
          </Text>
        ) : null}
        {entry.status === 'offered' && entry.offerUntil ? (
          <>
            <Text className="zg-entry__place">有名额空出，已递补给您</Text>
            <Text className="zg-entry__hint">
              请在 {shortTime(entry.offerUntil)} 前接受，逾期将顺延给下一位候补会员
            </Text>
          </>
        ) : null}
        {entry.ticketCode ? (
          <View className="zg-entry__ticket">
            <Text className="zg-entry__line">电子票</Text>
            <TicketQr code={entry.ticketCode} />
          </View>
        ) : null}
        {cancelUntil ? (
          <Text className="zg-entry__hint">
            {shortTime(cancelUntil)} 前可以{cancelWord(entry)}
          </Text>
        ) : null}
        {entry.actions.length > 0 ? (
          <View className="zg-entry__actions">
            {entry.actions.map((action) => (
              <Button
                key={action}
                className="zg-entry__action"
                type={action === 'edit' ? 'primary' : 'default'}
                fill={action === 'edit' ? 'outline' : undefined}
                disabled={busy}
                onClick={() => onAction(action, entry)}
              >
                {actionLabel(entry, action)}
              </Button>
            ))}
          </View>
        ) : null}
      </View>
    </Card>
  )
}
