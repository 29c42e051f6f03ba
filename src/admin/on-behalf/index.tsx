import { Text, View } from '@tarojs/components'
import { Button, Card, PageContainer } from '@/components'
import { FieldError } from '../components/field-error'
import { unplacedMessages } from '../components/field-paths'
import { MemberEntries } from './member-entries'
import { MemberRows, MemberSearch, boundBadge } from './member-search'
import { ResultCard } from './result-card'
import { PLACED_PATHS } from './signup-form'
import { SignupPanel } from './signup-panel'
import { useOnBehalf } from './use-on-behalf'
import './index.scss'

/**
 * 代会员报名: find the member in the registry, then sign them up, change or withdraw, with the
 * same rules as their own signup. The answer appears here, under the form.
 */
export default function OnBehalf() {
  const flow = useOnBehalf()
  const { member } = flow

  if (!member) {
    return (
      <PageContainer>
        <Text className="zg-behalf__step">第一步：在会员库中找到会员</Text>
        <MemberSearch onPick={flow.chooseMember} />
      </PageContainer>
    )
  }

  const general = unplacedMessages(flow.errors, PLACED_PATHS)
  return (
    <PageContainer>
      <Card
        title={member.maskedName}
        extra={boundBadge(member)}
        footer={
          <Button size="small" disabled={flow.busy} onClick={flow.clearMember}>
            换一位会员
          </Button>
        }
      >
        <MemberRows member={member} />
      </Card>
      <SignupPanel flow={flow} />
      {flow.result ? <ResultCard result={flow.result} /> : null}
      {general.length ? (
        <View className="zg-behalf__general">
          <FieldError messages={general} />
        </View>
      ) : null}
      <Text className="zg-behalf__step">该会员的报名</Text>
      <MemberEntries key={`${member.id}-${flow.entriesVersion}`} memberId={member.id} flow={flow} />
    </PageContainer>
  )
}
