import type { EntryAction, MyEntry } from '@contract'
import { ENTRY_ACTION_LABELS } from '@/utils/activity-labels'

/** A lottery entry before the draw is withdrawn (撤回), not cancelled: nothing was won yet. */
export function isWithdrawal(entry: MyEntry): boolean {
  return entry.allocation === 'lottery' && entry.status === 'pending'
}

/** The words of a lottery entry's actions after the draw, by its state. */
const AFTER_DRAW: Partial<Record<MyEntry['status'], Partial<Record<EntryAction, string>>>> = {
  won: { cancel: '我去不了了' },
  offered: { confirm: '接受递补', cancel: '放弃递补' },
  waitlisted: { cancel: '退出候补' },
}

export function actionLabel(entry: MyEntry, action: EntryAction): string {
  if (action === 'cancel' && isWithdrawal(entry)) return '撤回报名'
  return AFTER_DRAW[entry.status]?.[action] ?? ENTRY_ACTION_LABELS[action]
}

/** 撤回 / 取消 / 退还 / 放弃 / 退出候补: the verb of the entry's 取消, for 「… 前可以」. */
export function cancelWord(entry: MyEntry): string {
  if (isWithdrawal(entry)) return '撤回'
  if (entry.status === 'won') return '退还名额'
  if (entry.status === 'offered') return '放弃'
  if (entry.status === 'waitlisted') return '退出候补'
  return '取消'
}

/** What the toast says once entry.cancel went through. */
export function cancelledText(entry: MyEntry): string {
  if (isWithdrawal(entry)) return '已撤回报名'
  if (entry.status === 'won') return '已退还名额'
  if (entry.status === 'offered') return '已放弃递补名额'
  if (entry.status === 'waitlisted') return '已退出候补'
  return '已取消报名'
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
  if (entry.status === 'offered') {
    return {
      title: '放弃递补',
      content: '放弃后名额将顺延给下一位候补会员，不能恢复。确定放弃吗？',
      ok: '确定放弃',
    }
  }
  if (entry.status === 'waitlisted') {
    return {
      title: '退出候补',
      content: '退出后将不再收到递补名额，不能恢复。确定退出吗？',
      ok: '确定退出',
    }
  }
  return {
    title: '我去不了了',
    content: '退还后您的名额将让给候补会员，电子票随即失效，不能恢复。确定退还吗？',
    ok: '确定退还',
  }
}
