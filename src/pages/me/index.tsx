import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card, ErrorState, LoadingState, PageContainer, StatusBadge } from '@/components'
import { useQuery } from '@/api/use-query'
import { ROLE_LABELS, isStaff } from '@/utils/roles'
import { ADMIN_NOTICES_URL } from '@/utils/routes'
import './index.scss'

export default function Me() {
  const { data: me, error, loading, reload } = useQuery('me.get', {})

  // Roles change when staff grant them (or, in the demo, when the identity is switched).
  useDidShow(() => {
    if (me) void reload()
  })

  if (loading && !me) {
    return (
      <PageContainer>
        <LoadingState />
      </PageContainer>
    )
  }
  if (error && !me) {
    return (
      <PageContainer>
        <ErrorState message={error.message} onRetry={() => void reload()} />
      </PageContainer>
    )
  }
  if (!me) return <PageContainer />

  const shown = me.roles.filter((r) => r !== 'everyone')
  return (
    <PageContainer>
      <View className="zg-me">
        <Text className="zg-me__name">{me.maskedName ?? '微信用户'}</Text>
        <View className="zg-me__roles">
          {me.verified ? (
            <StatusBadge text="已认证会员" tone="green" />
          ) : (
            <StatusBadge text="未认证会员" tone="grey" />
          )}
          {shown
            .filter((r) => r !== 'member')
            .map((r) => (
              <StatusBadge key={r} text={ROLE_LABELS[r]} tone="red" />
            ))}
        </View>
      </View>
      {isStaff(me.roles) ? (
        <Card
          title="工作台"
          extra={<Text className="zg-me__arrow">›</Text>}
          onTap={() => void Taro.navigateTo({ url: ADMIN_NOTICES_URL })}
        >
          <Text>发布和管理公告</Text>
        </Card>
      ) : null}
    </PageContainer>
  )
}
