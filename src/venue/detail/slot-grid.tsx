import { ScrollView, Text, View } from '@tarojs/components'
import type { GridCellView, GridRowView, VenueDay } from '@contract'
import { cellWords } from '../words'
import type { Selection } from './selection'

interface Props {
  day: VenueDay
  selection: Selection | null
  onCell: (row: GridRowView, cell: GridCellView) => void
}

/**
 * Slots down, tables across. Every cell says its state with a shape and a word (空闲, 已约,
 * 我的, 关闭, 已过, X点开放), never by colour alone; a picked cell says 已选.
 */
export function SlotGrid({ day, selection, onCell }: Props) {
  const picked = (row: GridRowView, cell: GridCellView) =>
    selection?.resourceId === cell.resourceId && selection.starts.includes(row.start)
  return (
    <ScrollView className="zg-grid" scrollX enhanced showScrollbar={false}>
      <View className="zg-grid__table">
        <View className="zg-grid__row zg-grid__row--head">
          <Text className="zg-grid__time">时段</Text>
          {day.resources.map((r) => (
            <Text key={r.id} className="zg-grid__table-name">
              {r.name}
            </Text>
          ))}
        </View>
        {day.rows.map((row) => (
          <View key={row.start} className="zg-grid__row">
            <View className="zg-grid__time">
              <Text className="zg-grid__start">{row.start}</Text>
              <Text className="zg-grid__end">至{row.end}</Text>
            </View>
            {row.cells.map((cell) => {
              const on = picked(row, cell)
              const words = cellWords(cell, on)
              const state = on ? 'picked' : cell.state
              return (
                <View
                  key={cell.resourceId}
                  className={`zg-grid__cell zg-grid__cell--${state}`}
                  onClick={() => onCell(row, cell)}
                >
                  <Text className="zg-grid__icon">{words.icon}</Text>
                  <Text className="zg-grid__word">{words.word}</Text>
                </View>
              )
            })}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
