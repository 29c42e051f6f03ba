import {
  addDays,
  atLocal,
  chineseDate,
  chineseDateWithWeekday,
  dayOf,
  nextWeekday,
  startOfDay,
} from '../../cloudfunctions/domain/time'

describe('Beijing time while the process runs in UTC', () => {
  it('runs these tests with TZ=UTC, so a slip to server time would show', () => {
    expect(new Date('2025-06-13T00:00:00').toISOString()).toBe('2025-06-13T00:00:00.000Z')
  })

  it('puts 00:00–08:00 Beijing time on the Beijing day, not the UTC day before', () => {
    expect(dayOf(new Date('2025-06-12T15:59:59.999Z'))).toBe('2025-06-12')
    expect(dayOf(new Date('2025-06-12T16:00:00.000Z'))).toBe('2025-06-13')
    expect(dayOf(new Date('2025-06-12T23:59:00.000Z'))).toBe('2025-06-13')
  })

  it('starts the Beijing day at 16:00 UTC the day before', () => {
    expect(startOfDay(new Date('2025-06-13T07:00:00Z')).toISOString()).toBe(
      '2025-06-12T16:00:00.000Z',
    )
    expect(startOfDay(new Date('2025-06-12T16:00:00Z')).toISOString()).toBe(
      '2025-06-12T16:00:00.000Z',
    )
  })

  it('turns a Beijing wall-clock time into its instant', () => {
    expect(atLocal('2025-06-16', '19:30').toISOString()).toBe('2025-06-16T11:30:00.000Z')
    expect(atLocal('2025-06-13').toISOString()).toBe('2025-06-12T16:00:00.000Z')
  })

  it('adds days across a month end', () => {
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
  })

  it('finds the next Monday from the Beijing day, even just after Beijing midnight', () => {
    // Sunday 00:30 in Beijing is still Saturday in UTC.
    const sundayEarly = new Date('2025-06-14T16:30:00Z')
    expect(dayOf(sundayEarly)).toBe('2025-06-15')
    expect(nextWeekday(sundayEarly, 1)).toBe('2025-06-16')
    expect(nextWeekday(sundayEarly, 1, 2)).toBe('2025-06-23')
  })

  it('writes dates the way the centre does', () => {
    expect(chineseDate('2025-06-13')).toBe('6月13日')
    expect(chineseDateWithWeekday('2025-06-16')).toBe('6月16日（周一）')
  })
})
