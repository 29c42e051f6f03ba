import type { NextTime } from '@contract'
import { formatShanghai } from '@/utils/time'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 6月13日 09:00 — the year only when it is not this year's (on Shanghai's calendar). */
export function shortTime(iso: string, now: Date = new Date()): string {
  const sameYear = formatShanghai(iso, 'YYYY') === formatShanghai(now.toISOString(), 'YYYY')
  return formatShanghai(iso, sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}

/** 6月16日 周一 19:30 — a session's start, with the weekday people plan their evenings by. */
export function sessionTime(iso: string, now: Date = new Date()): string {
  const weekday = WEEKDAYS[Number(formatShanghai(iso, 'd'))]
  const [day, time] = shortTime(iso, now).split(' ')
  return `${day} ${weekday} ${time}`
}

/** 6月16日 周一 19:30–21:00 (the end's date only when it is another day). */
export function sessionSpan(startAt: string, endAt: string, now: Date = new Date()): string {
  const sameDay = formatShanghai(startAt, 'YYYY-MM-DD') === formatShanghai(endAt, 'YYYY-MM-DD')
  return `${sessionTime(startAt, now)}–${sameDay ? formatShanghai(endAt, 'HH:mm') : shortTime(endAt, now)}`
}

/** The one time a card shows: 6月13日 09:00 开放报名 · 报名截止 6月15日 18:00 · 6月16日 20:00 抽签. */
export function nextTimeText(next: NextTime, now: Date = new Date()): string {
  if (next.kind === 'ended') return '已结束'
  if (next.kind === 'cancelled') return '已取消'
  if (!next.at) return ''
  const at = shortTime(next.at, now)
  switch (next.kind) {
    case 'opens':
      return `${at} 开放报名`
    case 'closes':
      return `报名截止 ${at}`
    case 'draw':
      return `${at} 抽签`
    case 'starts':
      return `${at} 开始`
    case 'ongoing':
      return `进行中，${at} 结束`
  }
}

export interface Countdown {
  days: number
  hours: number
  minutes: number
  seconds: number
}

/** What is left until `targetMs`, never below zero. */
export function countdown(targetMs: number, nowMs: number): Countdown {
  const total = Math.max(0, Math.floor((targetMs - nowMs) / 1000))
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  }
}

/** 2天3小时4分5秒; the days only while there are some. */
export function countdownText(left: Countdown): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const clock = `${pad(left.hours)}小时${pad(left.minutes)}分${pad(left.seconds)}秒`
  return left.days > 0 ? `${left.days}天${clock}` : clock
}
