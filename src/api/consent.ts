import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_ASK, TEMPLATE_IDS, type SubscribeTopic } from '@/config/templates'

/**
 * Asks for one-time subscription consents (订阅消息) for `topics`. WeChat allows the ask only
 * from a tap, so call it first thing in the tap handler. Consent is a courtesy, never a gate:
 * this resolves whatever the member chose, whatever failed, and at once where there is
 * nothing to ask (H5, or a build with no template ids), so no signup ever waits on it failing.
 */
export function askConsent(topics: readonly SubscribeTopic[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve()
  const tmplIds = topics
    .map((t) => TEMPLATE_IDS[t])
    .filter((id): id is string => Boolean(id))
    .slice(0, MAX_TEMPLATES_PER_ASK)
  if (tmplIds.length === 0) return Promise.resolve()
  try {
    return Taro.requestSubscribeMessage({ tmplIds, entityIds: [] }).then(
      () => undefined,
      () => undefined,
    )
  } catch {
    return Promise.resolve()
  }
}
