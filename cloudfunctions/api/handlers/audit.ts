import { listAudit } from '../../store/audit'
import type { Handler } from './types'

const DEFAULT_PAGE = 20

export const list: Handler<'audit.list'> = async (input) => {
  const page = await listAudit(
    {
      actor: input.actor,
      action: input.action,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
    },
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  )
  return {
    items: page.items.map((row) => ({
      id: row._id,
      at: row.at.toISOString(),
      actor: row.actor,
      actorName: row.actorName,
      action: row.action,
      targets: row.targets,
      summary: row.summary,
    })),
    nextCursor: page.nextCursor,
  }
}
