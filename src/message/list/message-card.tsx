import { Text, View } from '@tarojs/components'
import type { MyMessage } from '@contract'
import { Card, StatusBadge } from '@/components'
import { formatShanghai } from '@/utils/time'

interface Props {
  message: MyMessage
  read: boolean
  onTap: () => void
}

/** One message: 未读 said in words (not by colour alone), the whole card one tap target. */
export function MessageCard({ message, read, onTap }: Props) {
  return (
    <Card
      title={
        <Text
          className={read ? 'zg-message__title' : 'zg-message__title zg-message__title--unread'}
        >
          {message.title}
        </Text>
      }
      extra={read ? undefined : <StatusBadge text="未读" tone="red" />}
      footer={
        <View className="zg-message__foot">
          <Text>{formatShanghai(message.createdAt)}</Text>
          <Text className="zg-message__open">查看 ›</Text>
        </View>
      }
      onTap={onTap}
    >
      <Text className="zg-message__body">{message.body}</Text>
    </Card>
  )
}
