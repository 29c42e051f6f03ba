import { Text, View } from '@tarojs/components'
import { devShare, type ShareCard } from '@/api/share'
import { showError } from '@/api/show-error'
import { toast } from '@/utils/confirm'
import { Button } from '../nutui'
import './index.scss'

interface Props {
  /** The card the page's `useShareAppMessage` hands WeChat; H5 posts the same one. */
  card: () => ShareCard
  label?: string
  /** One line above the button: what the friend will (and will not) see. */
  hint?: string
}

/**
 * 分享给好友. On weapp the button opens WeChat's own share sheet (`openType="share"`), which
 * asks the page's `onShareAppMessage` for the card. H5 has no WeChat to share into: the demo
 * posts the same card to the local cloud, whose 微信 page (/dev/wechat) shows it as a chat would.
 */
export function ShareButton({ card, label = '分享给好友', hint }: Props) {
  const shareInH5 = async () => {
    try {
      await devShare(card())
      toast('已分享到微信（本地演示）')
    } catch (err) {
      showError(err)
    }
  }
  return (
    <View className="zg-share">
      {hint ? <Text className="zg-share__hint">{hint}</Text> : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className="zg-share__button" type="primary" fill="outline" block openType="share">
          {label}
        </Button>
      ) : (
        <Button
          className="zg-share__button"
          type="primary"
          fill="outline"
          block
          onClick={() => void shareInH5()}
        >
          {label}
        </Button>
      )}
    </View>
  )
}
