import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DrawRecord } from '@contract'
import { Button } from '@/components'
import './draw.scss'

/** 复制抽签记录: the session's published record as JSON, to save as record.json and check. */
export function CopyRecordButton({ record }: { record: DrawRecord }) {
  return (
    <Button
      block
      className="zg-draw__button"
      onClick={() => void Taro.setClipboardData({ data: JSON.stringify(record, null, 2) })}
    >
      复制本场抽签记录
    </Button>
  )
}

/** 如何验证: in plain words, how anyone recomputes the result from the published record alone. */
export function VerifyHelp() {
  return (
    <View className="zg-draw__verify">
      <Text className="zg-draw__verify-title">如何验证</Text>
      <Text className="zg-draw__step">
        抽签结果完全由公开的抽签记录决定，任何人都可以只凭这份记录重新算出同样的入选名单和候补顺序，不需要相信我们。
      </Text>
      <Text className="zg-draw__step">
        1. 点“复制本场抽签记录”，把内容保存为电脑上的 record.json 文件。
      </Text>
      <Text className="zg-draw__step">2. 在本项目的代码目录中运行：</Text>
      <Text className="zg-draw__code" userSelect>
        npm run verify-draw -- record.json
      </Text>
      <Text className="zg-draw__step">
        它会逐项核对名单哈希、种子哈希、入选名单和候补顺序，全部一致时显示“全部一致”。
      </Text>
      <Text className="zg-draw__step">
        3. 也可以不用我们的程序：算法在项目文档 docs/draw.md
        中逐字节写明，按它自己编写程序计算，结果应完全相同。
      </Text>
      <Text className="zg-draw__step">
        种子的哈希在报名开始前就已公布，名单的哈希在报名截止时就已公布，所以既不能看了名单再挑种子，也不能知道种子后再改名单。
      </Text>
    </View>
  )
}
