import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { qrDataUri } from './qr-svg'
import './index.scss'

interface Props {
  /** The ticket code; the QR carries exactly this text, as the door's scanner reads it. */
  code: string
}

/**
 * 电子票 as the member shows it at the door: the QR large enough for a scanner at arm's length,
 * the code in text below for a checker to type when a camera fails, and what to do with it.
 * Imported by the pages that show tickets only (not through components/index), so the QR
 * library stays in their subpackage.
 */
export function TicketQr({ code }: Props) {
  const src = useMemo(() => qrDataUri(code), [code])
  return (
    <View className="zg-ticket-qr">
      <Image className="zg-ticket-qr__image" src={src} mode="aspectFit" ariaLabel="电子票二维码" />
      <Text className="zg-ticket-qr__code" userSelect>
        {code}
      </Text>
      <Text className="zg-ticket-qr__hint">请在入场时出示</Text>
    </View>
  )
}
