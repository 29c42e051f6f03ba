import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_ASK, TEMPLATE_IDS, type SubscribeTopic } from '@/config/templates'
import { call } from './call'

/** What the member answered to one ask: each topic asked is either granted or refused. */
export interface ConsentOutcome {
  granted: SubscribeTopic[]
  refused: SubscribeTopic[]
  /** H5 on the local cloud: no WeChat dialog, every topic taken as granted (demo only). */
  simulated: boolean
}

/**
 * Asks for one-time subscription consents (订阅消息) for `topics`. WeChat allows the ask only
 * from a tap, so call it first thing in the tap handler. Consent is a courtesy, never a gate:
 * this resolves whatever the member chose and whatever failed, with null where nothing was
 * asked (a build with no template ids), so no signup or booking ever waits on it failing.
 */
export function askConsent(topics: readonly SubscribeTopic[]): Promise<ConsentOutcome | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(simulatedConsent(topics))
  const asked = topics
    .filter((t) => Boolean(TEMPLATE_IDS[t]))
    .slice(0, MAX_TEMPLATES_PER_ASK)
    .map((topic) => ({ topic, id: TEMPLATE_IDS[topic] as string }))
  if (asked.length === 0) return Promise.resolve(null)
  // WeChat answers `{[templateId]: 'accept' | 'reject' | 'ban' | 'filter'}`; only accept counts.
  const outcome = (answers: Record<string, unknown>): ConsentOutcome => ({
    granted: asked.filter((a) => answers[a.id] === 'accept').map((a) => a.topic),
    refused: asked.filter((a) => answers[a.id] !== 'accept').map((a) => a.topic),
    simulated: false,
  })
  try {
    return Taro.requestSubscribeMessage({ tmplIds: asked.map((a) => a.id), entityIds: [] }).then(
      (res) => outcome(res as unknown as Record<string, unknown>),
      // Failed (the member turned 订阅消息 off altogether, or no tap): nothing was granted.
      () => outcome({}),
    )
  } catch {
    return Promise.resolve(outcome({}))
  }
}

/**
 * H5 runs only on the local cloud (see h5-transport.ts), which has no consent dialog. So that
 * the demo's 微信 page receives the subscription messages a member would have allowed, the H5
 * build takes every topic as granted, and says so where it shows the outcome.
 */
function simulatedConsent(topics: readonly SubscribeTopic[]): ConsentOutcome {
  return { granted: topics.slice(0, MAX_TEMPLATES_PER_ASK), refused: [], simulated: true }
}

/**
 * Tells the server what the member allowed, so it sends (and spends) only those. Never throws:
 * a lost record costs at most a subscription message; the in-app 消息 has it anyway.
 */
export async function recordConsent(outcome: ConsentOutcome | null): Promise<void> {
  if (!outcome || outcome.granted.length + outcome.refused.length === 0) return
  try {
    await call('consent.record', { granted: outcome.granted, refused: outcome.refused })
  } catch {
    // Nothing to tell the member: the signup or booking it came with stands either way.
  }
}
