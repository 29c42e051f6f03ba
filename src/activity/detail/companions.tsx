import { Input, Text, View } from '@tarojs/components'
import type { PartyRule } from '@contract'
import { Button } from '@/components'
import { type CompanionRow, type FieldErrors, companionRow } from './signup-draft'

interface Props {
  party: PartyRule
  rows: CompanionRow[]
  /** Updates from the latest rows, so quick taps and typing never undo each other. */
  onChange: (update: (rows: CompanionRow[]) => CompanionRow[]) => void
  errors: FieldErrors
}

/** 同行人: up to maxSize − 1 rows (the member is the first of the party); children with ages. */
export function Companions({ party, rows, onChange, errors }: Props) {
  const max = party.maxSize - 1
  const noun = party.family ? '儿童' : '同行人'
  const update = (key: number, change: Partial<CompanionRow>) =>
    onChange((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))

  return (
    <View className="zg-signup__companions">
      {rows.map((row, i) => (
        <View key={row.key} className="zg-signup__companion">
          <View className="zg-signup__companion-head">
            <Text className="zg-signup__companion-title">
              {noun} {i + 1}
            </Text>
            <Button
              size="small"
              className="zg-signup__remove"
              onClick={() => onChange((current) => current.filter((r) => r.key !== row.key))}
            >
              删除
            </Button>
          </View>
          <Input
            className="zg-field__input"
            value={row.name}
            maxlength={30}
            placeholder={`${noun}姓名`}
            onInput={(e) => update(row.key, { name: e.detail.value })}
          />
          {errors[`companions.${i}.name`] ? (
            <Text className="zg-signup__error">{errors[`companions.${i}.name`]}</Text>
          ) : null}
          {party.family ? (
            <>
              <Input
                className="zg-field__input"
                type="number"
                value={row.age}
                maxlength={2}
                placeholder={`年龄（${party.family.childMinAge}至${party.family.childMaxAge}岁）`}
                onInput={(e) => update(row.key, { age: e.detail.value })}
              />
              {errors[`companions.${i}.age`] ? (
                <Text className="zg-signup__error">{errors[`companions.${i}.age`]}</Text>
              ) : null}
            </>
          ) : null}
        </View>
      ))}
      {errors.companions ? <Text className="zg-signup__error">{errors.companions}</Text> : null}
      {rows.length < max ? (
        <Button
          block
          onClick={() =>
            onChange((current) => (current.length < max ? [...current, companionRow()] : current))
          }
        >
          添加{noun}（还可添加 {max - rows.length} 位）
        </Button>
      ) : (
        <Text className="zg-signup__hint">已达每份报名人数上限（{party.maxSize}人，含本人）</Text>
      )}
    </View>
  )
}
