import { Text, View } from '@tarojs/components'
import type { Activity } from '@contract'
import { Button, Card, Field } from '@/components'
import { Companions } from './companions'
import { SessionPicker } from './session-picker'
import type { FieldErrors, SignupDraft } from './signup-draft'
import type { SignupMode } from './use-signup'

interface Props {
  activity: Activity
  mode: SignupMode
  draft: SignupDraft
  /** Updates from the latest draft, so two quick taps never undo each other. */
  onChange: (update: (draft: SignupDraft) => SignupDraft) => void
  errors: FieldErrors
  submitting: boolean
  onSubmit: () => void
  /** Edit mode: back to the entry as it is. */
  onCancelEdit?: () => void
}

/** The signup form: the session, who comes along, and one submit. */
export function SignupForm(props: Props) {
  const { activity, mode, draft, onChange, errors, submitting } = props
  const lottery = activity.allocation === 'lottery'
  const label = mode === 'edit' ? '保存修改' : lottery ? '提交报名（参加抽签）' : '提交报名'
  return (
    <Card title={mode === 'edit' ? '修改报名' : '我要报名'}>
      <View className="zg-signup">
        <Field label="选择场次">
          <SessionPicker
            activity={activity}
            value={draft.sessionId}
            onChange={(sessionId) => onChange((d) => ({ ...d, sessionId }))}
          />
          {errors.sessionId ? <Text className="zg-signup__error">{errors.sessionId}</Text> : null}
        </Field>
        {activity.party.maxSize > 1 ? (
          <Field
            label={activity.party.family ? '同行儿童' : '同行人'}
            hint={
              activity.party.family
                ? `至少 1 位、最多 ${activity.party.maxSize - 1} 位儿童`
                : `本人之外最多 ${activity.party.maxSize - 1} 位；不带同行人可以不填`
            }
          >
            <Companions
              party={activity.party}
              rows={draft.companions}
              onChange={(update) => onChange((d) => ({ ...d, companions: update(d.companions) }))}
              errors={errors}
            />
          </Field>
        ) : null}
        <View className="zg-signup__actions">
          <Button
            type="primary"
            block
            loading={submitting}
            disabled={submitting}
            onClick={props.onSubmit}
          >
            {label}
          </Button>
          {props.onCancelEdit ? (
            <Button block disabled={submitting} onClick={props.onCancelEdit}>
              不修改了
            </Button>
          ) : null}
        </View>
      </View>
    </Card>
  )
}
