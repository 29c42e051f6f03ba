import { useEffect, useState } from 'react'
import type { ManagedNotice } from '@contract'
import { useQuery } from '@/api/use-query'
import { useSubmit } from '@/api/use-submit'
import { confirm, toast } from '@/utils/confirm'
import { formatShanghai, isFuture } from '@/utils/time'
import { type Draft, EMPTY_DRAFT, draftOf, isDirty, missingField } from './draft'

/** The edit page's state and its five writes, each confirmed where members would notice it. */
export function useNoticeEditor(id: string | undefined) {
  const loaded = useQuery('notice.manageGet', id ? { id } : null)
  const [notice, setNotice] = useState<ManagedNotice>()
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const create = useSubmit('notice.create')
  const update = useSubmit('notice.update')
  const publish = useSubmit('notice.publish')
  const unpublish = useSubmit('notice.unpublish')
  const pin = useSubmit('notice.pin')

  useEffect(() => {
    if (loaded.data) {
      setNotice(loaded.data)
      setDraft(draftOf(loaded.data))
    }
  }, [loaded.data])

  const dirty = isDirty(draft, notice)
  const busy =
    create.submitting ||
    update.submitting ||
    publish.submitting ||
    unpublish.submitting ||
    pin.submitting

  const save = async (): Promise<ManagedNotice | undefined> => {
    const missing = missingField(draft)
    if (missing) {
      toast(missing)
      return undefined
    }
    const fields = {
      title: draft.title,
      body: draft.body,
      posterFileId: draft.posterFileId,
      publishAt: draft.publishAt,
    }
    const saved = notice
      ? await update.submit({ id: notice.id, version: notice.version, ...fields })
      : await create.submit(fields)
    if (saved) setNotice(saved)
    return saved
  }

  const saveOnly = async () => {
    if (await save()) toast('已保存')
  }

  const publishNow = async () => {
    const at = draft.publishAt
    const scheduled = at !== null && isFuture(at)
    const ok = await confirm(
      scheduled ? '定时发布' : '发布公告',
      scheduled
        ? `将于${formatShanghai(at)}自动发布，届时所有会员可见。确定吗？`
        : '发布后所有会员立即可以看到这条公告。确定发布吗？',
      '发布',
    )
    if (!ok) return
    const current = dirty ? await save() : notice
    if (!current) return
    const done = await publish.submit(
      scheduled && at ? { id: current.id, publishAt: at } : { id: current.id },
    )
    if (done) {
      setNotice(done)
      toast(scheduled ? '已设为定时发布' : '已发布')
    }
  }

  const takeDown = async () => {
    if (!notice) return
    const ok = await confirm('下线公告', '下线后会员将看不到这条公告。确定下线吗？', '下线')
    if (!ok) return
    const done = await unpublish.submit({ id: notice.id })
    if (done) {
      setNotice(done)
      toast('已下线')
    }
  }

  const togglePin = async () => {
    if (!notice) return
    const done = await pin.submit({ id: notice.id, pinned: !notice.pinned })
    if (done) {
      setNotice(done)
      toast(done.pinned ? '已置顶' : '已取消置顶')
    }
  }

  return { loaded, notice, draft, setDraft, dirty, busy, saveOnly, publishNow, takeDown, togglePin }
}
