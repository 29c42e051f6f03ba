import { cloudUrl, devHeaders } from './dev'
import { networkError } from './errors'

export interface ShareCard {
  title: string
  /** Starts with `/`, as WeChat wants. */
  path: string
  imageUrl?: string
}

/** H5 only: the local cloud records the card as if it had been sent to a WeChat chat. */
export async function devShare(card: ShareCard): Promise<void> {
  let res: Response
  try {
    res = await fetch(cloudUrl('/dev/share'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await devHeaders()) },
      body: JSON.stringify(card),
    })
  } catch {
    throw networkError()
  }
  if (!res.ok) throw networkError()
}
