import type { EntryAction, MyEntry } from '@contract'
import { ENTRY_ACTION_LABELS } from '@/utils/activity-labels'

/** A lottery entry before the draw is withdrawn (撤回), not cancelled: nothing was won yet. */
export function isWithdrawal(entry: MyEntry): boolean {
  return entry.allocation === 'lottery' && entry.status === 'pending'
}

export function actionLabel(entry: MyEntry, action: EntryAction): string {
  if (action === 'cancel' && isWithdrawal(entry)) return '撤回报名'
  return ENTRY_ACTION_LABELS[action]
}

/** 共 3 人（本人、张三、李四 8岁） */
export function partyText(entry: Pick<MyEntry, 'partySize' | 'companions'>): string {
  if (entry.companions.length === 0) return `共 ${entry.partySize} 人（本人）`
  const names = entry.companions.map((c) => (c.age === undefined ? c.name : `${c.name} ${c.age}岁`))
  return `共 ${entry.partySize} 人（本人、${names.join('、')}）`
}

/** What the confirmation says before 取消 / 撤回, so the member knows what they give up. */
export function cancelQuestion(entry: MyEntry): { title: string; content: string; ok: string } {
  if (isWithdrawal(entry)) {
    return {
      title: '撤回报名',
      content: '撤回后不参加本次抽签；报名截止前可以重新报名。确定撤回吗？',
      ok: '撤回',
    }
  }
  if (entry.allocation === 'first-come') {
    return {
      title: '取消报名',
      content: '取消后名额将退回给其他会员，再报名须重新抢名额。确定取消吗？',
      ok: '确定取消',
    }
  }
  return {
    title: '取消报名',
    content: '取消后您的名额将让给候补会员，不能恢复。确定取消吗？',
    ok: '确定取消',
  }
}
