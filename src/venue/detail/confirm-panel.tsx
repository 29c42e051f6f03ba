import { Text, View } from '@tarojs/components'
import { Button } from '@/components'
import { dateText } from '@/utils/venue-labels'

interface Props {
  date: string
  tableName: string
  span: string
  slots: number
  cancelRule: string
  submitting: boolean
  onConfirm: () => void
  onClear: () => void
}

/** The confirmation before booking: what will be booked, and the cancel rule, in words. */
export function ConfirmPanel(p: Props) {
  return (
    <View className="zg-sheet zg-confirm">
      <Text className="zg-sheet__title">确认预约</Text>
      <Text className="zg-sheet__line">
        {dateText(p.date)} {p.span}
      </Text>
      <Text className="zg-sheet__line">
        {p.tableName} · {p.slots} 个时段
      </Text>
      <Text className="zg-sheet__rule">取消规则：{p.cancelRule}</Text>
      <View className="zg-sheet__actions">
        <Button className="zg-sheet__action" disabled={p.submitting} onClick={p.onClear}>
          重新选择
        </Button>
        <Button
          className="zg-sheet__action"
          type="primary"
          loading={p.submitting}
          disabled={p.submitting}
          onClick={p.onConfirm}
        >
          确认预约
        </Button>
      </View>
    </View>
  )
}
