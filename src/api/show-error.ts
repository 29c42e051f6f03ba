import Taro from '@tarojs/taro'
import { toClientError } from './errors'

/** The one place a failure becomes words on screen; a field's own message is the most precise. */
export function showError(err: unknown): void {
  const error = toClientError(err)
  const field = error.fields ? Object.values(error.fields)[0] : undefined
  void Taro.showToast({ title: field ?? error.message, icon: 'none', duration: 2500 })
}
