import Taro from '@tarojs/taro'
import { toClientError } from './errors'

/** The one place a failure becomes words on screen. */
export function showError(err: unknown): void {
  const { message } = toClientError(err)
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
}
