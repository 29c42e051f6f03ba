import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, ErrorState, LoadingState, PageContainer } from '@/components'
import { useQuery } from '@/api/use-query'
import { showError } from '@/api/show-error'
import { devShare, type ShareCard } from '@/api/share'
import { formatShanghai } from '@/utils/time'
import { noticeDetailUrl } from '@/utils/routes'
import './index.scss'

export default function NoticeDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: notice, error, loading, reload } = useQuery('notice.get', id ? { id } : null)

  const card = (): ShareCard => ({
    title: notice?.title ?? '浙工服务公告',
    path: noticeDetailUrl(id),
    imageUrl: notice?.posterUrl ?? undefined,
  })

  useShareAppMessage(() => card())

  const shareInH5 = async () => {
    try {
      await devShare(card())
      void Taro.showToast({ title: '已分享到微信（本地演示）', icon: 'none' })
    } catch (err) {
      showError(err)
    }
  }

  if (!id) {
    return (
      <PageContainer>
        <ErrorState message="公告链接不完整" onRetry={() => void Taro.navigateBack()} />
      </PageContainer>
    )
  }

  return (
    <PageContainer>
      {loading && !notice ? (
        <LoadingState />
      ) : error && !notice ? (
        <ErrorState message={error.message} onRetry={() => void reload()} />
      ) : notice ? (
        <View className="zg-notice">
          <Text className="zg-notice__title">{notice.title}</Text>
          {notice.publishAt ? (
            <Text className="zg-notice__time">{formatShanghai(notice.publishAt)}</Text>
          ) : null}
          {notice.posterUrl ? (
            <Image className="zg-notice__poster" src={notice.posterUrl} mode="widthFix" />
          ) : null}
          <Text className="zg-notice__body" userSelect>
            {notice.body}
          </Text>
          {process.env.TARO_ENV === 'h5' ? (
            <Button className="zg-notice__share" type="primary" block onClick={shareInH5}>
              分享
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  )
}
