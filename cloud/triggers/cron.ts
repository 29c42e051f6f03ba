import { CronExpressionParser } from 'cron-parser'

/** Timer triggers are written and evaluated in UTC+8, whatever the machine's zone. */
export const TRIGGER_TZ = 'Asia/Shanghai'
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const YEARS_AHEAD = 100

/**
 * A CloudBase timer expression: seven fields, `second minute hour day month weekday year`.
 * cron-parser knows the first six; the year is checked here.
 */
export class TimerCron {
  private readonly sixFields: string
  private readonly yearAllowed: (year: number) => boolean

  constructor(readonly expression: string) {
    const fields = expression.trim().split(/\s+/)
    if (fields.length !== 7) {
      throw new Error(`定时触发器 "${expression}" 须为 7 段（秒 分 时 日 月 星期 年）`)
    }
    this.sixFields = fields.slice(0, 6).join(' ')
    this.yearAllowed = parseYearField(fields[6], expression)
    // Fails early on a malformed expression rather than at the first tick.
    CronExpressionParser.parse(this.sixFields, { tz: TRIGGER_TZ, currentDate: new Date(0) })
  }

  /** The first fire time strictly after `after`, or null if the years allowed are over. */
  next(after: Date): Date | null {
    let from = after
    for (let i = 0; i < 1000; i++) {
      const candidate = CronExpressionParser.parse(this.sixFields, {
        tz: TRIGGER_TZ,
        // Rebuilt with the global Date: the dev clock replaces it, and cron-parser tells dates
        // from strings with `instanceof Date`.
        currentDate: new Date(from.getTime()),
      })
        .next()
        .toDate()
      const year = shanghaiYear(candidate)
      if (this.yearAllowed(year)) return candidate
      const nextYear = this.firstAllowedYearFrom(year + 1)
      if (nextYear === null) return null
      // One millisecond before midnight of 1 January, UTC+8, so that midnight itself can match.
      from = new Date(Date.UTC(nextYear, 0, 1) - SHANGHAI_OFFSET_MS - 1)
    }
    return null
  }

  private firstAllowedYearFrom(year: number): number | null {
    for (let y = year; y < year + YEARS_AHEAD; y++) if (this.yearAllowed(y)) return y
    return null
  }
}

function shanghaiYear(date: Date): number {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()
}

/** `*`, `2025`, `2025-2027`, `2025,2027`, `*\/2`, `2025/2` and lists of them. */
function parseYearField(field: string, expression: string): (year: number) => boolean {
  const parts = field.split(',').map((part) => {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part)
    if (!match) throw new Error(`定时触发器 "${expression}" 的年份 "${field}" 无法识别`)
    const from = match[1] === '*' ? 1970 : Number(match[1])
    const to = match[2] ? Number(match[2]) : match[1] === '*' || match[3] ? 2199 : from
    const step = match[3] ? Number(match[3]) : 1
    if (step < 1 || to < from) throw new Error(`定时触发器 "${expression}" 的年份 "${field}" 无效`)
    return (year: number) => year >= from && year <= to && (year - from) % step === 0
  })
  return (year) => parts.some((allowed) => allowed(year))
}
