import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A subscription message as `cgi-bin/message/subscribe/send` received it. */
export interface SubscribeMessage {
  kind: 'subscribe'
  id: string
  time: string
  touser: string
  template_id: string
  /** A mini-program page path with its query, e.g. `activity/entry/index?id=1`. */
  page: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
}

/** A share card the app asked WeChat to send (onShareAppMessage). */
export interface ShareCard {
  kind: 'share'
  id: string
  time: string
  from: string
  title: string
  /** Starts with `/`, as onShareAppMessage requires. */
  path: string
  imageUrl?: string
}

export type OutboxItem = SubscribeMessage | ShareCard

const KEEP = 500

/**
 * What the local cloud "sent to WeChat", newest first. Kept in the data folder when there is
 * one, so the 微信 page still shows yesterday's messages after a restart.
 */
export class Outbox {
  private items: OutboxItem[] = []
  private file: string | null = null

  open(dataDir: string | null): void {
    if (dataDir === null) return
    const dir = join(dataDir, 'wx')
    mkdirSync(dir, { recursive: true })
    this.file = join(dir, 'outbox.json')
    if (existsSync(this.file))
      this.items = JSON.parse(readFileSync(this.file, 'utf8')) as OutboxItem[]
  }

  add(item: OutboxItem): void {
    this.items.unshift(item)
    if (this.items.length > KEEP) this.items.length = KEEP
    this.save()
  }

  list(openid?: string): OutboxItem[] {
    if (!openid) return [...this.items]
    return this.items.filter((item) =>
      item.kind === 'subscribe' ? item.touser === openid : item.from === openid,
    )
  }

  private save(): void {
    if (this.file === null) return
    // Written whole and renamed, so a crash never leaves half a file.
    const temp = `${this.file}.tmp`
    writeFileSync(temp, JSON.stringify(this.items))
    renameSync(temp, this.file)
  }
}
