import { useRef, useState } from 'react'
import type { Activity, EntryAction } from '@contract'
import { showError } from '@/api/show-error'
import { useConsent } from '@/api/use-consent'
import { ConsentNote } from '@/components/consent-note'
import type { SubscribeTopic } from '@/config/templates'
import { toast } from '@/utils/confirm'
import { EntryCard } from '../components/entry-card'
import { useCancelEntry } from '../use-cancel-entry'
import { useConfirmEntry } from '../use-confirm-entry'
import { AnswerPanel } from './answer-panel'
import { SignupForm } from './signup-form'
import { type FieldErrors, draftErrors, draftFor, paramsOf } from './signup-draft'
import { StatusNote, VerifyPrompt } from './status-note'
import { isFull } from './seats'
import { type Answer, useSignup } from './use-signup'

interface Props {
  activity: Activity
  /** Undefined while 我的 has not answered: the form shows and the server decides. */
  verified: boolean | undefined
  /** Opened from 我的报名's 修改: start in the form, prefilled. */
  startInEdit: boolean
  reload: () => Promise<void>
}

/** What each signup asks to be told about later (WeChat takes at most three per ask). */
const TOPICS: Record<Activity['allocation'], SubscribeTopic[]> = {
  'first-come': ['entryResult', 'reminder'],
  lottery: ['drawResult', 'offer', 'reminder'],
}

/** The member's part of the page: their entry and its actions, or the form, and the answer. */
export function SignupSection({ activity, verified, startInEdit, reload }: Props) {
  const signup = useSignup()
  const consent = useConsent()
  // Between the tap and the signup's request (the H5 demo records its consent first).
  const starting = useRef(false)
  // Until the reload after a signup lands, the answer already holds the new entry.
  const entry = activity.myEntry ?? (signup.answer?.ok ? signup.answer.entry : null)
  const canEdit = Boolean(entry?.actions.includes('edit'))
  const [editing, setEditing] = useState(startInEdit && canEdit)
  const [draft, setDraft] = useState(() => draftFor(activity, editing ? entry : null))
  const [errors, setErrors] = useState<FieldErrors>({})
  const cancel = useCancelEntry(() => {
    signup.clear()
    setEditing(false)
    setDraft(draftFor(activity, null))
    void reload()
  })

  const confirmEntry = useConfirmEntry(() => void reload())

  const act = (action: EntryAction) => {
    if (!entry) return
    if (action === 'cancel') {
      void cancel.run(entry)
      return
    }
    if (action === 'confirm') {
      void confirmEntry.run(entry)
      return
    }
    signup.clear()
    setErrors({})
    setDraft(draftFor(activity, entry))
    setEditing(true)
  }

  const submit = () => {
    // A second tap while the first is on its way changes nothing (and asks no second consent).
    if (signup.submitting || starting.current) return
    const mode = editing ? 'edit' : 'submit'
    const local = draftErrors(draft, activity)
    setErrors(local)
    const first = Object.values(local)[0]
    if (first) {
      toast(first)
      return
    }
    // Asked first and inside the tap, as WeChat requires, but on weapp not waited for: on a
    // first-come rush the seconds spent reading WeChat's dialog must not cost the member the
    // seat. The answer, recorded when it comes, still brings this signup's 报名结果
    // (consent.record sends the messages of the last minutes it was asked for). The H5 demo's
    // consent is simulated and at once, so it is recorded before the signup.
    const recorded = consent.ask(TOPICS[activity.allocation])
    const ready = process.env.TARO_ENV === 'weapp' ? Promise.resolve() : recorded
    starting.current = true
    const params = paramsOf(draft, activity)
    void ready.then(() => {
      starting.current = false
      return signup.send(mode, params).then(onAnswer)
    })
  }

  const onAnswer = (answer: Answer) => {
    if (answer.ok) {
      setEditing(false)
      setErrors({})
    } else {
      setErrors(answer.error.fields ?? {})
      // The panel is above the fold of a long form; the toast is where the finger is.
      showError(answer.error)
    }
    // Seats, entry counts and the member's entry have moved either way.
    void reload()
  }

  // Under the answer, what WeChat will tell the member of this entry from now on.
  const answer = signup.answer ? (
    <>
      <AnswerPanel answer={signup.answer} activity={activity} />
      {signup.answer.ok ? <ConsentNote outcome={consent.outcome} /> : null}
    </>
  ) : null

  if (entry && !editing) {
    return (
      <>
        {answer}
        <EntryCard
          entry={entry}
          title="我的报名"
          onAction={act}
          busy={cancel.submitting || confirmEntry.submitting || signup.submitting}
        />
      </>
    )
  }
  if (activity.phase !== 'open') return answer
  if (verified === false) return <VerifyPrompt />
  const allFull = activity.sessions.every((s) => isFull(s, activity.allocation))
  if (allFull && !editing) {
    return (
      <>
        {answer}
        <StatusNote
          title="名额已满"
          text="所有场次的名额都已报满。有人取消时名额会退回，您可以稍后再来看看。"
        />
      </>
    )
  }
  return (
    <>
      {answer}
      <SignupForm
        activity={activity}
        mode={editing ? 'edit' : 'submit'}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        submitting={signup.submitting}
        onSubmit={submit}
        onCancelEdit={
          editing
            ? () => {
                setEditing(false)
                setErrors({})
                signup.clear()
              }
            : undefined
        }
      />
    </>
  )
}
