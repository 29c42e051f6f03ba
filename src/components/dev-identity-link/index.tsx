import { Text, View } from '@tarojs/components'
import './index.scss'

/** H5 demo only: the local cloud's identity switcher lives at /dev, outside the app. */
export function DevIdentityLink() {
  return (
    <View className="zg-dev-link">
      <Text className="zg-dev-link__text" onClick={() => window.location.assign('/dev')}>
        切换身份
      </Text>
    </View>
  )
}
