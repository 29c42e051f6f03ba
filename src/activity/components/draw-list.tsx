import { Text, View } from '@tarojs/components'
import type { DrawRow } from '../draw-words'
import './draw.scss'

interface Props {
  title: string
  rows: DrawRow[]
  /** The member's own entry id, marked 「您的报名」 in words (and framed), never by colour alone. */
  myId: string | null
  /** Rows shown; beyond it the member's own row still shows, after a ⋯ line. Undefined: all. */
  limit?: number
  /** How a row's place reads: 第 1 位 (入选) or 候补第 1 位. */
  placeText: (place: number) => string
  empty: string
}

function Row({
  row,
  mine,
  placeText,
}: {
  row: DrawRow
  mine: boolean
  placeText: Props['placeText']
}) {
  return (
    <View className={`zg-draw-row ${mine ? 'zg-draw-row--mine' : ''}`}>
      <Text className="zg-draw-row__place">{placeText(row.place)}</Text>
      <Text className="zg-draw-row__label">{row.label}</Text>
      <Text className="zg-draw-row__meta">
        {row.size}人 · 权重 {row.weight}
      </Text>
      {mine ? <Text className="zg-draw-row__me">您的报名</Text> : null}
    </View>
  )
}

/** 入选名单 or 候补顺序: masked names in draw order, the member's own entry marked in words. */
export function DrawList({ title, rows, myId, limit, placeText, empty }: Props) {
  const shown = limit === undefined ? rows : rows.slice(0, limit)
  const mineBeyond =
    limit !== undefined && myId ? rows.slice(limit).find((r) => r.id === myId) : undefined
  return (
    <View className="zg-draw-list">
      <Text className="zg-draw-list__title">
        {title}（{rows.length} 份）
      </Text>
      {rows.length === 0 ? <Text className="zg-draw-list__empty">{empty}</Text> : null}
      {shown.map((row) => (
        <Row key={row.id} row={row} mine={row.id === myId} placeText={placeText} />
      ))}
      {limit !== undefined && rows.length > limit ? (
        <Text className="zg-draw-list__gap">⋯ 另有 {rows.length - limit} 份未列出</Text>
      ) : null}
      {mineBeyond ? <Row row={mineBeyond} mine placeText={placeText} /> : null}
    </View>
  )
}

/** 入选名单 then 候补顺序, each cut at its own limit (the card shows a few, the page more). */
export function DrawLists({
  rows,
  myId,
  limits,
}: {
  rows: { winners: DrawRow[]; waitlist: DrawRow[] }
  myId: string | null
  limits: { winners?: number; waitlist?: number }
}) {
  return (
    <>
      <DrawList
        title="入选名单"
        rows={rows.winners}
        myId={myId}
        limit={limits.winners}
        placeText={(p) => `第 ${p} 位`}
        empty="本场没有入选的报名"
      />
      <DrawList
        title="候补顺序"
        rows={rows.waitlist}
        myId={myId}
        limit={limits.waitlist}
        placeText={(p) => `候补 ${p}`}
        empty="本场没有候补"
      />
    </>
  )
}
