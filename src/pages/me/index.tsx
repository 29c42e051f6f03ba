import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Me as MeData } from '@contract'
import {
  Button,
  Card,
  ErrorState,
  InfoRows,
  LoadingState,
  PageContainer,
  StatusBadge,
} from '@/components'
import { useQuery } from '@/api/use-query'
import { useUnread } from '@/api/use-unread'
import { ROLE_LABELS, isAdmin, isStaff, worksTheDoor } from '@/utils/roles'
import {
  ADMIN_HUB_URL,
  MEMBER_VERIFY_URL,
  MESSAGES_URL,
  MY_BOOKINGS_URL,
  MY_ENTRIES_URL,
} from '@/utils/routes'
import { formatShanghai, isFuture } from '@/utils/time'
import './index.scss'

/** What 工作台 holds for these roles: a checker's is the door only. */
function hubHint(roles: MeData['roles']): string {
  if (isAdmin(roles)) return '公告、会员库、检票、角色、操作日志'
  return isStaff(roles) ? '公告、会员库、检票' : '检票'
}

function Verification({ me }: { me: MeData }) {
  if (me.member) {
    return (
      <Card title="会员信息" extra={<StatusBadge text="已认证" tone="green" />}>
        <InfoRows
          rows={[
            { label: '姓名', value: me.member.maskedName },
            { label: '手机号', value: me.member.maskedPhone },
            { label: '身份证', value: `尾号 ${me.member.idLast4}` },
            { label: '基层工会', value: me.member.unit },
            { label: '会员卡号', value: me.member.cardNo },
          ]}
        />
      </Card>
    )
  }
  const lockedUntil = me.verification.lockedUntil
  const locked = lockedUntil !== null && isFuture(lockedUntil)
  return (
    <Card
      title="会员认证"
      extra={<StatusBadge text={locked ? '暂时锁定' : '未认证'} tone={locked ? 'amber' : 'grey'} />}
    >
      <View className="zg-me__verify">
        {locked ? (
          <Text className="zg-me__hint">
            认证失败次数过多，请于{formatShanghai(lockedUntil)}后再试。
          </Text>
        ) : (
          <Text className="zg-me__hint">
            完成会员认证后才能报名活动、预约场馆。只需一次：姓名、身份证号和微信手机号与会员库一致即可。
          </Text>
        )}
        <Button
          type="primary"
          block
          disabled={locked}
          onClick={() => void Taro.navigateTo({ url: MEMBER_VERIFY_URL })}
        >
          去认证
        </Button>
      </View>
    </Card>
  )
}

export default function Me() {
  const { data: me, error, loading, reload } = useQuery('me.get', {})
  // Asked once 我的 knows whether the caller is a member; null until then.
  const unread = useUnread({ badge: true, member: me ? me.verified : null })

  // Back from 会员认证, a role granted by an admin, or (in the demo) a switched identity.
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

  const granted = me.roles.filter((r) => r !== 'everyone' && r !== 'member')
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
          {granted.map((r) => (
            <StatusBadge key={r} text={ROLE_LABELS[r]} tone="red" />
          ))}
        </View>
      </View>
      <Verification me={me} />
      {me.bannedUntil ? (
        <Card
          title="暂停预约与报名"
          extra={<StatusBadge text="暂停中" tone="red" />}
          onTap={() => void Taro.navigateTo({ url: MY_BOOKINGS_URL })}
        >
          <Text className="zg-me__hint">
            {`因爽约，${formatShanghai(me.bannedUntil)}前不能预约场地或报名活动。如有特殊情况，可在「我的预约」对爽约提出申诉。`}
          </Text>
        </Card>
      ) : null}
      {me.verified ? (
        <Card
          title="我的报名"
          extra={<Text className="zg-me__arrow">›</Text>}
          onTap={() => void Taro.navigateTo({ url: MY_ENTRIES_URL })}
        >
          <Text>活动报名、抽签结果和可做的操作</Text>
        </Card>
      ) : null}
      {me.verified ? (
        <Card
          title="我的预约"
          extra={<Text className="zg-me__arrow">›</Text>}
          onTap={() => void Taro.navigateTo({ url: MY_BOOKINGS_URL })}
        >
          <Text>场地预约、签到和取消</Text>
        </Card>
      ) : null}
      {me.verified ? (
        <Card
          title="消息"
          extra={
            <>
              {unread.count ? <StatusBadge text={`${unread.count} 条未读`} tone="red" /> : null}
              <Text className="zg-me__arrow">›</Text>
            </>
          }
          onTap={() => void Taro.navigateTo({ url: MESSAGES_URL })}
        >
          <Text>抽签结果、递补名额、活动提醒等通知</Text>
        </Card>
      ) : null}
      {worksTheDoor(me.roles) ? (
        <Card
          title="工作台"
          extra={<Text className="zg-me__arrow">›</Text>}
          onTap={() => void Taro.navigateTo({ url: ADMIN_HUB_URL })}
        >
          <Text>{hubHint(me.roles)}</Text>
        </Card>
      ) : null}
    </PageContainer>
  )
}
