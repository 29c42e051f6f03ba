import { Tag } from '../nutui'
import './index.scss'

export type BadgeTone = 'red' | 'green' | 'amber' | 'grey'

interface Props {
  text: string
  tone: BadgeTone
}

/** A short status word in a coloured frame; words come from the caller's own status table. */
export function StatusBadge({ text, tone }: Props) {
  return <Tag className={`zg-badge zg-badge--${tone}`}>{text}</Tag>
}
