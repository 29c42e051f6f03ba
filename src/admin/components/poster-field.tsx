import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@/components'
import { uploadImage } from '@/api/upload'
import { showError } from '@/api/show-error'
import { Field } from '@/components'

interface Props {
  /** What to show: a temporary URL from the server or the local file just chosen. */
  previewUrl: string | null
  onChange: (poster: { fileId: string; previewUrl: string } | null) => void
  /** Storage folder of the upload: notices' and activities' posters are kept apart. */
  folder?: string
}

export function PosterField({ previewUrl, onChange, folder = 'notice-posters' }: Props) {
  const [uploading, setUploading] = useState(false)

  const choose = async () => {
    let path: string | undefined
    try {
      const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
      path = picked.tempFilePaths[0]
    } catch {
      return // cancelled
    }
    if (!path) return
    setUploading(true)
    try {
      onChange({ fileId: await uploadImage(path, folder), previewUrl: path })
    } catch (err) {
      showError(err)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Field label="海报（可不填）" hint="建议横图，宽高比 5:4">
      {previewUrl ? <Image src={previewUrl} mode="widthFix" style={{ width: '100%' }} /> : null}
      <View className="zg-field__row">
        <Button size="small" loading={uploading} onClick={choose}>
          {previewUrl ? '更换海报' : '上传海报'}
        </Button>
        {previewUrl ? (
          <Text className="zg-field__link" onClick={() => onChange(null)}>
            移除
          </Text>
        ) : null}
      </View>
    </Field>
  )
}
