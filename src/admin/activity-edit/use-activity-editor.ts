import { useCallback, useEffect, useState } from 'react'
import type { ManagedActivity } from '@contract'
import { call } from '@/api/call'
import { type ClientError } from '@/api/errors'
import { showError } from '@/api/show-error'
import { useQuery } from '@/api/use-query'
import { confirm, toast } from '@/utils/confirm'
import { useSubmitOutcome, type Outcome } from '@/api/use-submit'
import {
  type ActivityForm,
  type FieldErrors,
  addSession,
  changeSession,
  editorActions,
  emptyForm,
  errorsAfterEdit,
  formOf,
  isDirty,
  publishPrompt,
  removeSession,
  requestOf,
  withoutErrors,
} from './form'

/**
 * The activity editor's state and its four writes. Field messages (the phone's own checks and
 * the server's INVALID_INPUT) sit in `errors` under the server's paths; any other refusal
 * (CONFLICT, INVALID_STATE) is `problem`, shown above the form as well as in a toast.
 */
export function useActivityEditor(id: string | undefined) {
  const loaded = useQuery('activity.manageGet', id ? { id } : null)
  const [activity, setActivity] = useState<ManagedActivity>()
  const [form, setForm] = useState<ActivityForm>(emptyForm)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<ClientError | null>(null)
  const [cancelReason, setCancelReason] = useState<string | null>(null)
  const create = useSubmitOutcome('activity.create')
  const update = useSubmitOutcome('activity.update')
  const publish = useSubmitOutcome('activity.publish')
  const cancel = useSubmitOutcome('activity.cancel')

  // The server's copy is the truth: new sessions get their ids here, so the next save keeps them.
  const adopt = useCallback((saved: ManagedActivity) => {
    setActivity(saved)
    setForm(formOf(saved))
    setErrors({})
    setProblem(null)
  }, [])

  useEffect(() => {
    if (loaded.data) adopt(loaded.data)
  }, [loaded.data, adopt])

  const refused = <T>(outcome: Outcome<T>): T | undefined => {
    if (outcome.ok) return outcome.data
    if (outcome.error.fields) {
      setErrors(outcome.error.fields)
      setProblem(null)
    } else {
      setProblem(outcome.error)
    }
    return undefined
  }

  const change = <K extends keyof ActivityForm>(field: K, value: ActivityForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => errorsAfterEdit(e, field))
  }
  const sessions = {
    add: () => setForm(addSession),
    remove: (index: number) => {
      setForm((f) => removeSession(f, index))
      // The rows after it move up, so their messages no longer point at the right row.
      setErrors((e) => withoutErrors(e, ['sessions']))
    },
    change: (index: number, patch: Parameters<typeof changeSession>[2]) => {
      setForm((f) => changeSession(f, index, patch))
      setErrors((e) => withoutErrors(e, [`sessions.${index}`, 'sessions']))
    },
  }

  const dirty = isDirty(form, activity)
  const busy = create.submitting || update.submitting || publish.submitting || cancel.submitting
  const allowed = editorActions(activity)

  /** Builds and sends the form; undefined (with the reasons shown) when it cannot be saved. */
  const save = async (): Promise<ManagedActivity | undefined> => {
    const built = requestOf(form)
    if (!built.ok) {
      setErrors(built.errors)
      toast(Object.values(built.errors)[0] ?? '请检查填写的内容')
      return undefined
    }
    const outcome = activity
      ? await update.submit({ id: activity.id, version: activity.version, ...built.request })
      : await create.submit(built.request)
    const saved = refused(outcome)
    if (saved) adopt(saved)
    return saved
  }

  const saveOnly = async () => {
    if (await save()) toast(activity ? '已保存' : '已保存为草稿')
  }

  const publishNow = async () => {
    const built = requestOf(form)
    if (!built.ok) {
      setErrors(built.errors)
      toast(Object.values(built.errors)[0] ?? '请检查填写的内容')
      return
    }
    const { signupOpensAt, signupClosesAt } = built.request
    const ok = await confirm('发布活动', publishPrompt(signupOpensAt, signupClosesAt), '发布')
    if (!ok) return
    const current = dirty ? await save() : activity
    if (!current) return
    const done = refused(await publish.submit({ id: current.id }))
    if (done) {
      adopt(done)
      toast('已发布')
    }
  }

  const cancelActivity = {
    reason: cancelReason,
    start: () => setCancelReason(''),
    stop: () => setCancelReason(null),
    setReason: (reason: string) => {
      setCancelReason(reason)
      setErrors((e) => withoutErrors(e, ['reason']))
    },
    commit: async () => {
      if (!activity || cancelReason === null) return
      const reason = cancelReason.trim()
      if (!reason) {
        setErrors((e) => ({ ...e, reason: '请填写取消原因' }))
        return
      }
      const ok = await confirm(
        '取消活动',
        `取消后，「${activity.title}」的每一份报名都会随之取消，报名的会员会收到通知，且不能恢复。确定取消吗？`,
        '取消活动',
      )
      if (!ok) return
      const done = refused(await cancel.submit({ id: activity.id, reason }))
      if (done) {
        adopt(done)
        setCancelReason(null)
        toast('活动已取消')
      }
    },
  }

  /** After a CONFLICT: the latest version replaces the form (unsaved edits are given up). */
  const reloadLatest = async () => {
    if (!activity) return
    if (dirty) {
      const ok = await confirm(
        '重新载入',
        '将载入他人保存的最新内容，您未保存的修改会丢失。确定吗？',
      )
      if (!ok) return
    }
    try {
      adopt(await call('activity.manageGet', { id: activity.id }))
    } catch (err) {
      showError(err)
    }
  }

  /** Reads the activity again after a step outside the form (立即抽签) changed its state. */
  const refresh = async () => {
    if (!activity) return
    try {
      const latest = await call('activity.manageGet', { id: activity.id })
      // The form keeps what staff typed; only the state shown around it moves on.
      setActivity(latest)
    } catch (err) {
      showError(err)
    }
  }

  return {
    loaded,
    refresh,
    activity,
    form,
    errors,
    problem,
    change,
    sessions,
    dirty,
    busy,
    allowed,
    saveOnly,
    publishNow,
    cancelActivity,
    reloadLatest,
  }
}

export type ActivityEditor = ReturnType<typeof useActivityEditor>
