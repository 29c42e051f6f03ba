import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { DevIdentityLink } from '../dev-identity-link'
import './index.scss'

interface Props {
  className?: string
}

/** Every page's frame: background, side padding, and in H5 the demo's identity switch. */
export function PageContainer({ className, children }: PropsWithChildren<Props>) {
  return (
    <View className={`zg-page ${className ?? ''}`}>
      {children}
      {process.env.TARO_ENV === 'h5' ? <DevIdentityLink /> : null}
    </View>
  )
}
