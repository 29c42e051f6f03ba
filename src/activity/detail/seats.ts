import type { Allocation, Session } from '@contract'

/** 余 12 席 / 已满 for first-come; 已有 35 份报名 for a lottery (parties, not people). */
export function seatsText(session: Session, allocation: Allocation): string {
  if (allocation === 'lottery') return `已有 ${session.entries ?? 0} 份报名`
  if (session.seatsLeft === null) return ''
  return session.seatsLeft > 0 ? `余 ${session.seatsLeft} 席` : '名额已满'
}

export function isFull(session: Session, allocation: Allocation): boolean {
  return allocation === 'first-come' && session.seatsLeft !== null && session.seatsLeft <= 0
}
