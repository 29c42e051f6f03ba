import { Input, Text, View } from '@tarojs/components'
import type { ManagedActivity } from '@contract'
import { Button, Card, EmptyState, ErrorState, LoadingState } from '@/components'
import { usePages } from '@/api/use-pages'
import { ALLOCATION_LABELS } from '@/utils/activity-labels'
import { ChoiceChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { messageAt, messagesUnder } from '../components/field-paths'
import { canAddCompanion, partyRuleText, sessionChoiceLabel } from './signup-form'
import type { OnBehalf } from './use-on-behalf'

/** Activities open for signup now; a new signup is made only into one of them. */
function OpenActivities({ flow }: { flow: OnBehalf }) {
  const open = usePages('activity.list', 50, { phase: 'open' })
  if (open.items.length === 0) {
    if (open.loading) return <LoadingState />
    if (open.error)
      return <ErrorState message={open.error.message} onRetry={() => void open.refresh()} />
    return <EmptyState title="现在没有正在报名的活动" />
  }
  const titles = new Map(
    open.items.map((a) => [a.id, `${a.title}（${ALLOCATION_LABELS[a.allocation]}）`]),
  )
  return (
    <>
      <ChoiceChips
        options={open.items.map((a) => a.id)}
        labelOf={(id) => titles.get(id) ?? id}
        value={flow.form.activityId ?? ''}
        onChange={flow.signup.chooseActivity}
      />
      {open.hasMore ? (
        <Button size="small" loading={open.loadingMore} onClick={() => void open.loadMore()}>
          更多活动
        </Button>
      ) : null}
    </>
  )
}

function Companions({ flow, activity }: { flow: OnBehalf; activity: ManagedActivity }) {
  const { form, errors, signup } = flow
  const family = activity.party.family !== null
  return (
    <View className="zg-behalf__group">
      <Text className="zg-behalf__label">同行人（不含会员本人）</Text>
      {form.companions.map((c, i) => (
        <View key={c.key} className="zg-behalf__companion">
          <View className="zg-behalf__row">
            <Input
              className="zg-behalf__input zg-behalf__name"
              value={c.name}
              maxlength={30}
              placeholder={family ? '儿童姓名' : '同行人姓名'}
              onInput={(e) => signup.changeCompanion(i, { name: e.detail.value })}
            />
            {family ? (
              <Input
                className="zg-behalf__input zg-behalf__age"
                type="number"
                value={c.age}
                placeholder="年龄"
                onInput={(e) => signup.changeCompanion(i, { age: e.detail.value })}
              />
            ) : null}
            <Text className="zg-behalf__remove" onClick={() => signup.removeCompanion(i)}>
              删除
            </Text>
          </View>
          <FieldError messages={messagesUnder(errors, `companions.${i}`)} />
        </View>
      ))}
      <FieldError messages={messageAt(errors, 'companions')} />
      {canAddCompanion(form, activity.party) ? (
        <Button size="small" onClick={signup.addCompanion}>
          {family ? '添加儿童' : '添加同行人'}
        </Button>
      ) : null}
    </View>
  )
}

/** Session and party for the chosen activity, then the one button that sends it. */
function ActivityForm({ flow, activity }: { flow: OnBehalf; activity: ManagedActivity }) {
  const { form, errors, signup, editing } = flow
  return (
    <>
      <View className="zg-behalf__group">
        <Text className="zg-behalf__label">场次</Text>
        <ChoiceChips
          options={activity.sessions.map((s) => s.id)}
          labelOf={(id) => {
            const s = activity.sessions.find((one) => one.id === id)
            return s ? sessionChoiceLabel(s, activity.allocation) : id
          }}
          value={form.sessionId ?? ''}
          onChange={signup.chooseSession}
        />
        <FieldError messages={messagesUnder(errors, 'sessionId')} />
      </View>
      <Text className="zg-behalf__hint">{partyRuleText(activity.party)}</Text>
      <Companions flow={flow} activity={activity} />
      <View className="zg-behalf__actions">
        <Button type="primary" block disabled={flow.busy} onClick={signup.submit}>
          {editing ? '保存修改' : '提交报名'}
        </Button>
        {editing ? (
          <Button block disabled={flow.busy} onClick={signup.stopEdit}>
            放弃修改
          </Button>
        ) : null}
      </View>
    </>
  )
}

export function SignupPanel({ flow }: { flow: OnBehalf }) {
  const { activity, editing, errors } = flow
  return (
    <Card title={editing ? `修改报名：${editing.activityTitle}` : '新的报名'}>
      <View className="zg-behalf__panel">
        {editing ? null : (
          <View className="zg-behalf__group">
            <Text className="zg-behalf__label">活动（报名中）</Text>
            <OpenActivities flow={flow} />
            <FieldError messages={messagesUnder(errors, 'activityId')} />
          </View>
        )}
        {flow.form.activityId ? (
          activity.data && activity.data.id === flow.form.activityId ? (
            <ActivityForm flow={flow} activity={activity.data} />
          ) : activity.error ? (
            <ErrorState message={activity.error.message} onRetry={() => void activity.reload()} />
          ) : (
            <LoadingState />
          )
        ) : null}
      </View>
    </Card>
  )
}
