import Taro from '@tarojs/taro'

/** Asks before a step members will notice at once; resolves true only on an explicit yes. */
export async function confirm(
  title: string,
  content: string,
  confirmText = '确定',
): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      confirmColor: '#C8161D',
    })
    return res.confirm
  } catch {
    return false
  }
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none' })
}
