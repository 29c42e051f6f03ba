import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface Props {
  title?: ReactNode
  /** Right of the title: a status badge, a pin mark. */
  extra?: ReactNode
  footer?: ReactNode
  onTap?: () => void
}

export function Card({ title, extra, footer, onTap, children }: PropsWithChildren<Props>) {
  return (
    <View className={`zg-card ${onTap ? 'zg-card--tappable' : ''}`} onClick={onTap}>
      {title || extra ? (
        <View className="zg-card__head">
          <View className="zg-card__title">{title}</View>
          {extra ? <View className="zg-card__extra">{extra}</View> : null}
        </View>
      ) : null}
      {children ? <View className="zg-card__body">{children}</View> : null}
      {footer ? <View className="zg-card__foot">{footer}</View> : null}
    </View>
  )
}
