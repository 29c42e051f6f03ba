import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@/components'
import { shortHash } from '../draw-words'
import './draw.scss'

interface Props {
  label: string
  /** 64 hex characters. */
  value: string
  /** One sentence under it: what the value commits to. */
  hint?: string
}

/**
 * A hash or seed, shortened to compare by eye, with 查看完整 (the whole value, selectable) and
 * 复制 (WeChat's clipboard) so a member can check it elsewhere.
 */
export function HashLine({ label, value, hint }: Props) {
  const [whole, setWhole] = useState(false)
  return (
    <View className="zg-hash">
      <View className="zg-hash__head">
        <Text className="zg-hash__label">{label}</Text>
        <Text className="zg-hash__value" userSelect>
          {whole ? value : shortHash(value)}
        </Text>
      </View>
      {hint ? <Text className="zg-hash__hint">{hint}</Text> : null}
      <View className="zg-hash__actions">
        <Button size="small" className="zg-hash__action" onClick={() => setWhole((w) => !w)}>
          {whole ? '收起' : '查看完整'}
        </Button>
        <Button
          size="small"
          className="zg-hash__action"
          onClick={() => void Taro.setClipboardData({ data: value })}
        >
          复制
        </Button>
      </View>
    </View>
  )
}
