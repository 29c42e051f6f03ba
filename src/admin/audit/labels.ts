import type { ActionName } from '@contract'
import type { WriteAction } from '@/api/actions'

/** What an audited action is called in the log; the compiler asks for every new write. */
export const ACTION_LABELS: Record<WriteAction | 'registry.contact', string> = {
  'notice.create': '新建公告',
  'notice.update': '编辑公告',
  'notice.publish': '发布公告',
  'notice.unpublish': '下线公告',
  'notice.pin': '置顶公告',
  'member.verify': '会员认证',
  'registry.import': '导入会员库',
  'registry.contact': '查看会员手机号',
  'binding.move': '改绑或解绑会员',
  'grant.set': '设置角色',
  'activity.create': '新建活动',
  'activity.update': '编辑活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'entry.submit': '报名',
  'entry.edit': '修改报名',
  'entry.cancel': '取消报名',
  'entry.submitFor': '代会员报名',
  'entry.editFor': '代会员修改报名',
  'entry.cancelFor': '代会员取消报名',
  'draw.run': '立即抽签',
  'entry.confirm': '确认参加',
  'ticket.checkIn': '检票',
  'ticket.exportRoster': '导出检票名单',
  'message.read': '消息标为已读',
  'venue.create': '新建场馆',
  'venue.update': '编辑场馆',
  'booking.create': '预约场地',
  'booking.cancel': '取消预约',
  'booking.checkIn': '预约签到',
  'booking.appeal': '爽约申诉',
  'booking.resolveAppeal': '处理爽约申诉',
  'booking.createFor': '代会员预约',
  'booking.cancelFor': '代会员取消预约',
  'consent.record': '订阅消息授权',
}

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Partial<Record<ActionName | string, string>>)[action] ?? action
}
