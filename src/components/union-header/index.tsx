import { Text, View } from '@tarojs/components'
import './index.scss'

/** The centre's masthead on 首页: who is speaking, and how to reach them. */
export function UnionHeader() {
  return (
    <View className="zg-union">
      <Text className="zg-union__name">浙江省职工服务中心</Text>
      <Text className="zg-union__line">工会会员公益活动 · 场馆预约 · 公告</Text>
      <Text className="zg-union__contact">杭州市西湖区学院路107号 · 0571-56000319（工作日）</Text>
    </View>
  )
}
