/**
 * The venue pages' own rules, apart from rendering: which cells a tap picks (one table,
 * consecutive, within the policy's smallest cap), and what each cell and date says in words.
 */
import type { GridCellView, PolicyView } from '@contract'
import { maxSlots, pick, spanOf, type Selection } from '@/venue/detail/selection'
import { cellWords, opensWord, refusalOf } from '@/venue/words'
import { dateText, dayWord, slotText } from '@/utils/venue-labels'

const rows = ['12:00', '13:00', '14:00', '15:00', '16:00'].map((start, i) => ({
  start,
  end: i === 4 ? '16:30' : `${13 + i}:00`,
  startAt: '',
  endAt: '',
  cells: [],
}))
const day = { rows }
const at = (resourceId: string, ...starts: string[]): Selection => ({ resourceId, starts })

describe('pick', () => {
  it('starts with the tapped cell, and with a cap of one always replaces', () => {
    expect(pick(day, null, 't1', '13:00', 3).selection).toEqual(at('t1', '13:00'))
    expect(pick(day, at('t1', '13:00'), 't1', '14:00', 1)).toEqual({
      selection: at('t1', '14:00'),
    })
  })

  it('extends a run on either end, in the day’s order, up to the cap', () => {
    const two = pick(day, at('t1', '13:00'), 't1', '12:00', 3).selection
    expect(two).toEqual(at('t1', '12:00', '13:00'))
    const three = pick(day, two, 't1', '14:00', 3).selection
    expect(three).toEqual(at('t1', '12:00', '13:00', '14:00'))
    expect(pick(day, three, 't1', '15:00', 3)).toEqual({
      selection: three,
      note: '一次最多预约3个相连的时段',
    })
    expect(spanOf(day, at('t1', '15:00', '16:00'))).toBe('15:00–16:30')
  })

  it('drops a picked end, restarts on a picked middle, a gap or another table, saying why', () => {
    const run = at('t1', '12:00', '13:00', '14:00')
    expect(pick(day, run, 't1', '14:00', 3).selection).toEqual(at('t1', '12:00', '13:00'))
    expect(pick(day, at('t1', '12:00'), 't1', '12:00', 3).selection).toBeNull()
    expect(pick(day, run, 't1', '13:00', 3).selection).toEqual(at('t1', '13:00'))
    expect(pick(day, at('t1', '12:00'), 't1', '15:00', 3)).toEqual({
      selection: at('t1', '15:00'),
      note: '多个时段须前后相连，已改选这个时段',
    })
    expect(pick(day, at('t1', '12:00'), 't2', '13:00', 3)).toEqual({
      selection: at('t2', '13:00'),
      note: '一次预约的多个时段须在同一场地，已改选这个场地',
    })
  })

  it('caps a run by the smallest of the policy’s limits', () => {
    const policy = {
      perMemberDay: 3,
      perMemberWeek: 5,
      activeAtOnce: 2,
      perUnitDay: null,
    } as PolicyView
    expect(maxSlots(policy)).toBe(2)
    expect(maxSlots({ ...policy, perUnitDay: 1 })).toBe(1)
  })
})

describe('words', () => {
  const cell = (over: Partial<GridCellView>): GridCellView => ({
    resourceId: 't1',
    state: 'free',
    ...over,
  })

  it('says every cell state in a word with a shape', () => {
    expect(cellWords(cell({}), false)).toEqual({ icon: '○', word: '空闲' })
    expect(cellWords(cell({}), true)).toEqual({ icon: '✓', word: '已选' })
    expect(cellWords(cell({ state: 'taken' }), false).word).toBe('已约')
    expect(cellWords(cell({ state: 'mine' }), false).word).toBe('我的')
    expect(cellWords(cell({ state: 'closed' }), false).word).toBe('关闭')
    expect(cellWords(cell({ state: 'past' }), false).word).toBe('已过')
    // 04:00Z is 12:00 in Beijing.
    const later = cell({ state: 'notYetOpen', opensAt: '2026-06-13T04:00:00.000Z' })
    expect(cellWords(later, false).word).toBe('12点开放')
    expect(opensWord('2026-06-13T04:30:00.000Z')).toBe('12:30开放')
    expect(refusalOf(later)).toBe('该时段将于6月13日 12:00开放预约')
    expect(refusalOf(cell({ state: 'closed', reason: '设备检修' }))).toBe('该时段不开放：设备检修')
  })

  it('writes dates the way members read them, on Beijing’s calendar', () => {
    expect(dateText('2026-06-13')).toBe('6月13日 周六')
    expect(dayWord('2026-06-13', '2026-06-13')).toBe('今天')
    expect(dayWord('2026-06-14', '2026-06-13')).toBe('明天')
    expect(dayWord('2026-06-15', '2026-06-13')).toBe('后天')
    expect(dayWord('2026-06-16', '2026-06-13')).toBe('周二')
    expect(slotText({ date: '2026-06-13', start: '20:00', end: '20:30' })).toBe(
      '6月13日 周六 20:00–20:30',
    )
  })
})
