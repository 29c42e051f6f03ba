import { useState } from 'react'
import type { MyEntry, RegistryMember } from '@contract'
import { useQuery } from '@/api/use-query'
import { confirm, toast } from '@/utils/confirm'
import { formatShanghai } from '@/utils/time'
import type { FieldErrors } from '../components/field-paths'
import { useSubmitOutcome, type Outcome } from '@/api/use-submit'
import {
  type CompanionRow,
  type SignupForm,
  addCompanion,
  changeCompanion,
  emptySignup,
  removeCompanion,
  signupFormOf,
  signupRequestOf,
  withActivity,
} from './signup-form'

/** What the last write did, shown on the same screen: the entry as it now stands, or why not. */
export type Result =
  | { kind: 'done'; title: string; entry: MyEntry }
  | { kind: 'refused'; title: string; message: string }

/**
 * 代会员报名: one registry member at a time; a new signup, a change of one of their lottery
 * entries, or a withdrawal, each through the staff actions (`entry.submitFor`, `editFor`,
 * `cancelFor`) under the member's own rules. Only the masked name and card number are shown.
 */
export function useOnBehalf() {
  const [member, setMember] = useState<RegistryMember | null>(null)
  const [form, setForm] = useState<SignupForm>(emptySignup)
  const [editing, setEditing] = useState<MyEntry | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [result, setResult] = useState<Result | null>(null)
  const [cancelling, setCancelling] = useState<{ entry: MyEntry; reason: string } | null>(null)
  /** Bumped after every write, so the member's entry list reads again. */
  const [entriesVersion, setEntriesVersion] = useState(0)
  const activity = useQuery('activity.manageGet', form.activityId ? { id: form.activityId } : null)
  const submitFor = useSubmitOutcome('entry.submitFor')
  const editFor = useSubmitOutcome('entry.editFor')
  const cancelFor = useSubmitOutcome('entry.cancelFor')
  const busy = submitFor.submitting || editFor.submitting || cancelFor.submitting

  const reset = (next: RegistryMember | null) => {
    setMember(next)
    setForm(emptySignup())
    setEditing(null)
    setErrors({})
    setResult(null)
    setCancelling(null)
  }

  const settle = (outcome: Outcome<MyEntry>, title: string) => {
    if (outcome.ok) {
      setResult({ kind: 'done', title, entry: outcome.data })
      toast(`${title}已完成`)
      setForm(emptySignup())
      setEditing(null)
      setCancelling(null)
      setErrors({})
      setEntriesVersion((v) => v + 1)
      return
    }
    setErrors(outcome.error.fields ?? {})
    setResult({ kind: 'refused', title, message: outcome.error.message })
    // Seats or the window may have moved since the activity was read.
    if (form.activityId) void activity.reload()
  }

  const signup = {
    chooseActivity: (id: string) => {
      setForm(withActivity(id))
      setErrors({})
    },
    chooseSession: (id: string) => {
      setForm((f) => ({ ...f, sessionId: id }))
      setErrors((e) => {
        const next = { ...e }
        delete next.sessionId
        return next
      })
    },
    addCompanion: () => setForm(addCompanion),
    removeCompanion: (index: number) => {
      setForm((f) => removeCompanion(f, index))
      setErrors({})
    },
    changeCompanion: (index: number, patch: Partial<Pick<CompanionRow, 'name' | 'age'>>) =>
      setForm((f) => changeCompanion(f, index, patch)),
    startEdit: (entry: MyEntry) => {
      setEditing(entry)
      setForm(signupFormOf(entry))
      setErrors({})
      setResult(null)
      setCancelling(null)
    },
    stopEdit: () => {
      setEditing(null)
      setForm(emptySignup())
      setErrors({})
    },
    submit: async () => {
      const chosen = activity.data
      if (!member || !chosen) {
        setErrors({ activityId: '请选择活动' })
        return
      }
      const built = signupRequestOf(form, member.id, chosen.party)
      if (!built.ok) {
        setErrors(built.errors)
        return
      }
      const session = chosen.sessions.find((s) => s.id === built.request.sessionId)
      const when = session ? formatShanghai(session.startAt) : ''
      const people = 1 + built.request.companions.length
      const title = editing ? '修改报名' : '代会员报名'
      const ok = await confirm(
        title,
        `${editing ? '将' : '为'}${member.maskedName}${editing ? '的报名改为' : '报名'}「${chosen.title}」${when}场，共${people}人。确定吗？`,
        editing ? '修改' : '报名',
      )
      if (!ok) return
      const outcome = editing
        ? await editFor.submit(built.request)
        : await submitFor.submit(built.request)
      settle(outcome, title)
    },
  }

  const withdraw = {
    entry: cancelling?.entry ?? null,
    reason: cancelling?.reason ?? '',
    start: (entry: MyEntry) => {
      setCancelling({ entry, reason: '' })
      setErrors({})
    },
    stop: () => setCancelling(null),
    setReason: (reason: string) => setCancelling((c) => (c ? { ...c, reason } : c)),
    commit: async () => {
      if (!member || !cancelling) return
      const reason = cancelling.reason.trim()
      if (!reason) {
        setErrors({ reason: '请填写取消原因' })
        return
      }
      const { entry } = cancelling
      const seatsBack = entry.allocation === 'first-come' ? '，名额会退回' : ''
      const ok = await confirm(
        '取消报名',
        `将取消${member.maskedName}对「${entry.activityTitle}」的报名${seatsBack}，不能恢复。确定吗？`,
        '取消报名',
      )
      if (!ok) return
      settle(
        await cancelFor.submit({ memberId: member.id, activityId: entry.activityId, reason }),
        '取消报名',
      )
    },
  }

  return {
    member,
    chooseMember: (m: RegistryMember) => reset(m),
    clearMember: () => reset(null),
    form,
    activity,
    editing,
    errors,
    result,
    busy,
    signup,
    withdraw,
    entriesVersion,
  }
}

export type OnBehalf = ReturnType<typeof useOnBehalf>
