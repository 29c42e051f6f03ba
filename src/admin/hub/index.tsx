import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Card, ErrorState, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { isAdmin, isStaff } from '@/utils/roles'
import {
  ADMIN_ACTIVITIES_URL,
  ADMIN_APPEALS_URL,
  ADMIN_AUDIT_URL,
  ADMIN_CHECK_IN_URL,
  ADMIN_NOTICES_URL,
  ADMIN_ON_BEHALF_URL,
  ADMIN_REGISTRY_URL,
  ADMIN_ROLES_URL,
  ADMIN_VENUE_DAY_URL,
  ADMIN_VENUES_URL,
} from '@/utils/routes'
import './index.scss'

interface Entry {
  title: string
  hint: string
  url: string
  adminOnly?: boolean
  /** Also for checkers, whose only work is the door; every other entry is staff's. */
  door?: boolean
}

const ENTRIES: Entry[] = [
  {
    title: '检票',
    hint: '扫码或输入票码检票，查看各场次名单',
    url: ADMIN_CHECK_IN_URL,
    door: true,
  },
  {
    title: '当日预约',
    hint: '各场地各时段谁预约了、是否已签到（姓名已隐去）',
    url: ADMIN_VENUE_DAY_URL,
  },
  { title: '爽约申诉', hint: '处理会员对爽约的申诉：撤销或维持', url: ADMIN_APPEALS_URL },
  { title: '场馆', hint: '新建和编辑场馆：场地数量、开放日期与时间', url: ADMIN_VENUES_URL },
  { title: '公告', hint: '发布和管理公告', url: ADMIN_NOTICES_URL },
  { title: '活动', hint: '创建、发布和取消活动，设置场次与报名规则', url: ADMIN_ACTIVITIES_URL },
  {
    title: '代会员报名',
    hint: '为来电或不使用小程序的会员报名、修改或取消报名',
    url: ADMIN_ON_BEHALF_URL,
  },
  {
    title: '会员库',
    hint: '查找会员、联系会员、解除绑定；管理员可导入会员库',
    url: ADMIN_REGISTRY_URL,
  },
  {
    title: '角色',
    hint: '授予或收回工作人员、核验员、管理员',
    url: ADMIN_ROLES_URL,
    adminOnly: true,
  },
  { title: '操作日志', hint: '谁在什么时候做了什么', url: ADMIN_AUDIT_URL, adminOnly: true },
]

/** 工作台: the staff entries; the server refuses what a role may not do, this only hides it. */
export default function Hub() {
  const me = useQuery('me.get', {})
  if (me.loading && !me.data) {
    return (
      <PageContainer>
        <LoadingState />
      </PageContainer>
    )
  }
  if (!me.data) {
    return (
      <PageContainer>
        <ErrorState message={me.error?.message ?? ''} onRetry={() => void me.reload()} />
      </PageContainer>
    )
  }
  const admin = isAdmin(me.data.roles)
  const staff = isStaff(me.data.roles)
  return (
    <PageContainer>
      {ENTRIES.filter((e) => (admin || !e.adminOnly) && (staff || e.door)).map((e) => (
        <Card
          key={e.url}
          title={e.title}
          extra={<Text className="zg-hub__arrow">›</Text>}
          onTap={() => void Taro.navigateTo({ url: e.url })}
        >
          <Text>{e.hint}</Text>
        </Card>
      ))}
    </PageContainer>
  )
}
