import type { ManagedNotice } from '@contract'

/** The form's state; the poster carries both its file id (saved) and what to preview. */
export interface Draft {
  title: string
  body: string
  posterFileId: string | null
  posterPreview: string | null
  publishAt: string | null
}

export const EMPTY_DRAFT: Draft = {
  title: '',
  body: '',
  posterFileId: null,
  posterPreview: null,
  publishAt: null,
}

export function draftOf(notice: ManagedNotice): Draft {
  return {
    title: notice.title,
    body: notice.body,
    posterFileId: notice.posterFileId,
    posterPreview: notice.posterUrl,
    publishAt: notice.publishAt,
  }
}

export function isDirty(draft: Draft, notice: ManagedNotice | undefined): boolean {
  if (!notice) return true
  return (
    draft.title !== notice.title ||
    draft.body !== notice.body ||
    draft.posterFileId !== notice.posterFileId ||
    draft.publishAt !== notice.publishAt
  )
}

/** A first check on the phone, so staff are told before a round trip; the server checks again. */
export function missingField(draft: Draft): string | null {
  if (!draft.title.trim()) return '请填写标题'
  if (!draft.body.trim()) return '请填写正文'
  return null
}
