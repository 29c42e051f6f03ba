import type { ManagedNotice, Notice, NoticeSummary } from '../../contract/notice'
import { excerpt, type NoticeRecord } from '../../domain/notice'
import { tempUrls } from '../../store/files'

/** How notices go out on the wire: ISO instants, a fresh poster URL, no staff-only fields. */
export type PosterUrls = Map<string, string>

export async function posterUrls(
  notices: ReadonlyArray<{ posterFileId: string | null }>,
): Promise<PosterUrls> {
  const ids = notices.map((n) => n.posterFileId).filter((id): id is string => id !== null)
  return ids.length ? tempUrls(ids) : new Map()
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null
}

export function toSummary(notice: NoticeRecord, urls: PosterUrls): NoticeSummary {
  return {
    id: notice._id,
    title: notice.title,
    excerpt: excerpt(notice.body),
    pinned: notice.pinned,
    publishAt: iso(notice.publishAt),
    posterUrl: notice.posterFileId ? (urls.get(notice.posterFileId) ?? null) : null,
  }
}

export function toNotice(notice: NoticeRecord, urls: PosterUrls): Notice {
  return { ...toSummary(notice, urls), body: notice.body, posterFileId: notice.posterFileId }
}

export function toManaged(notice: NoticeRecord, urls: PosterUrls): ManagedNotice {
  return {
    ...toNotice(notice, urls),
    status: notice.status,
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
    version: notice.version,
  }
}
