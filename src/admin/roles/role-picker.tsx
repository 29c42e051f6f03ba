import { Text, View } from '@tarojs/components'
import type { GrantableRole } from '@contract'
import { ROLE_LABELS } from '@/utils/roles'

const GRANTABLE: GrantableRole[] = ['staff', 'checker', 'admin']

interface Props {
  value: readonly GrantableRole[]
  onChange: (roles: GrantableRole[]) => void
}

/** The three roles an admin can grant, each tapped on or off. */
export function RolePicker({ value, onChange }: Props) {
  return (
    <View className="zg-roles__picker">
      {GRANTABLE.map((role) => {
        const on = value.includes(role)
        return (
          <Text
            key={role}
            className={`zg-roles__chip ${on ? 'zg-roles__chip--on' : ''}`}
            onClick={() => onChange(on ? value.filter((r) => r !== role) : [...value, role])}
          >
            {on ? '✓ ' : ''}
            {ROLE_LABELS[role]}
          </Text>
        )
      })}
    </View>
  )
}
