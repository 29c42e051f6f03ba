import type { CellState, GridCellView } from '@contract'
import { formatShanghai } from '@/utils/time'

/**
 * What a grid cell says: a shape and a word for every state, so it reads without colour (and
 * with WeChat's large text, where colours of small cells are easy to miss).
 */
const CELL_WORDS: Record<Exclude<CellState, 'notYetOpen'>, { icon: string; word: string }> = {
  free: { icon: '○', word: '空闲' },
  taken: { icon: '●', word: '已约' },
  mine: { icon: '★', word: '我的' },
  closed: { icon: '×', word: '关闭' },
  past: { icon: '—', word: '已过' },
}

/** 12点开放, or 12:30开放 when it opens off the hour. */
export function opensWord(opensAt: string): string {
  const clock = formatShanghai(opensAt, 'H:mm')
  return clock.endsWith(':00') ? `${clock.slice(0, -3)}点开放` : `${clock}开放`
}

export function cellWords(cell: GridCellView, picked: boolean): { icon: string; word: string } {
  if (picked) return { icon: '✓', word: '已选' }
  if (cell.state === 'notYetOpen')
    return { icon: '◷', word: cell.opensAt ? opensWord(cell.opensAt) : '未开放' }
  return CELL_WORDS[cell.state]
}

/** What a tap on a cell that cannot be picked says. */
export function refusalOf(cell: GridCellView): string {
  switch (cell.state) {
    case 'taken':
      return '该时段已被预约，请选择其他时段'
    case 'mine':
      return '这是您已预约的时段'
    case 'closed':
      return cell.reason ? `该时段不开放：${cell.reason}` : '该时段不开放'
    case 'past':
      return '该时段已开始或已结束'
    case 'notYetOpen':
      return cell.opensAt
        ? `该时段将于${formatShanghai(cell.opensAt, 'M月D日 HH:mm')}开放预约`
        : '该时段尚未开放预约'
    case 'free':
      return ''
  }
}
