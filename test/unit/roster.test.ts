import { strFromU8, unzipSync } from 'fflate'
import type { ActivityRecord, SessionRecord } from '../../cloudfunctions/domain/activity'
import type { EntryRecord } from '../../cloudfunctions/domain/entry'
import {
  ROSTER_HEADER,
  rosterCloudPath,
  rosterFileName,
  rosterOf,
  rosterSheets,
} from '../../cloudfunctions/domain/roster'
import { columnName, xlsxWorkbook } from '../../cloudfunctions/domain/xlsx'
import { readSheetXml } from '../helpers/xlsx-read'

const START = new Date('2026-06-20T06:15:00Z') // 14:15 in Shanghai
const session: SessionRecord = {
  id: 's1',
  startAt: START,
  endAt: new Date(START.getTime() + 2 * 3_600_000),
  seats: 20,
}
const activity = {
  _id: 'act1',
  title: '"六月风荷"行香茶会',
  place: { name: '杭州茗庐茶文化体验馆', address: '杭州市西湖区' },
} as ActivityRecord

let n = 0
function entry(memberId: string, over: Partial<EntryRecord>): EntryRecord {
  n += 1
  return {
    _id: `e${String(n).padStart(3, '0')}`,
    activityId: 'act1',
    sessionId: 's1',
    memberId,
    status: 'confirmed',
    companions: [],
    partySize: 1,
    confirmedAt: null,
    checkedInAt: null,
    ...over,
  } as EntryRecord
}

const NAMES: Record<string, string> = {
  m1: '张伟三',
  m2: '李四',
  m3: '欧阳娜娜',
  m4: '王五',
  m5: '赵六',
  m6: '钱七',
  m7: '孙八',
}
const checkedAt = new Date('2026-06-20T05:50:00Z')
const entries = [
  entry('m1', { partySize: 3, companions: [{ name: '张小' }, { name: '张二' }] }),
  entry('m2', { status: 'won', confirmedAt: new Date(0) }),
  // Won but never confirmed: no ticket yet, not on the roster.
  entry('m3', { status: 'won', confirmedAt: null }),
  entry('m4', {
    status: 'checkedIn',
    checkedInAt: checkedAt,
    partySize: 2,
    companions: [{ name: '王小' }],
  }),
  entry('m5', { status: 'noShow' }),
  entry('m6', { status: 'cancelled' }),
  entry('m7', { status: 'confirmed', sessionId: 's2' }),
]

describe('the door’s roster', () => {
  const roster = rosterOf(activity, session, entries, (id) => NAMES[id] ?? '')

  it('lists the session’s tickets only, masked, with their status in words', () => {
    expect(
      roster.tickets.map((t) => [t.maskedName, t.partySize, t.companions, t.statusText]),
    ).toEqual(
      expect.arrayContaining([
        ['张*三', 3, 2, '未检票'],
        ['李*', 1, 0, '未检票'],
        ['王*', 2, 1, '已检票'],
        ['赵*', 1, 0, '爽约'],
      ]),
    )
    expect(roster.tickets).toHaveLength(4)
    expect(roster.tickets.find((t) => t.maskedName === '王*')?.checkedInAt).toBe(
      checkedAt.toISOString(),
    )
    const text = JSON.stringify(roster)
    for (const name of Object.values(NAMES)) expect(text).not.toContain(name)
    for (const id of Object.keys(NAMES)) expect(text).not.toContain(`"${id}"`)
  })

  it('sorts by masked name and counts tickets, people and check-ins', () => {
    const names = roster.tickets.map((t) => t.maskedName)
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare))
    expect(roster.counts).toEqual({
      tickets: 4,
      people: 7,
      checkedIn: 1,
      checkedInPeople: 2,
      noShow: 1,
    })
    expect(roster).toMatchObject({
      activityId: 'act1',
      sessionId: 's1',
      seats: 20,
      sessionStartAt: START.toISOString(),
    })
  })

  it('names its file after the activity and the session, and keeps one path per request', () => {
    expect(rosterFileName(roster)).toBe('名单_六月风荷行香茶会_6月20日1415.xlsx')
    const path = rosterCloudPath(roster, 'ticket.exportRoster:openid:req1')
    expect(path).toMatch(/^rosters\/act1_s1_[0-9a-f]{30}\.xlsx$/)
    expect(rosterCloudPath(roster, 'ticket.exportRoster:openid:req1')).toBe(path)
    expect(rosterCloudPath(roster, 'ticket.exportRoster:openid:req2')).not.toBe(path)
  })
})

describe('the XLSX writer', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
  })

  it('writes a workbook whose sheets read back cell for cell', () => {
    const roster = rosterOf(activity, session, entries, (id) => NAMES[id] ?? '')
    const sheets = rosterSheets(roster, new Date('2026-06-20T05:00:00Z'))
    const bytes = xlsxWorkbook(sheets)
    const files = unzipSync(bytes)
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet2.xml',
      ]),
    )
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="名单"')

    const rows = readSheetXml(bytes, '名单')
    expect(rows[0]).toEqual(ROSTER_HEADER)
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual(
      roster.tickets.map((t) => [t.maskedName, t.partySize, t.statusText]),
    )
    const checked = rows.find((r) => r[1] === '王*')
    expect(checked?.[5]).toBe('2026-06-20 13:50:00')
    const summary = readSheetXml(bytes, '汇总')
    expect(summary).toEqual(
      expect.arrayContaining([
        ['票数', 4],
        ['总人数', 7],
        ['已检票（张）', 1],
      ]),
    )
    // The same roster, the same bytes: nothing in the file depends on when it was zipped.
    expect(Buffer.from(xlsxWorkbook(sheets)).equals(Buffer.from(bytes))).toBe(true)
  })

  it('escapes markup and drops characters XML cannot hold', () => {
    const bytes = xlsxWorkbook([{ name: 'S', rows: [['<b>&"x"', 'a\u0001b', null, 3.5]] }])
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])
    expect(xml).toContain('&lt;b&gt;&amp;&quot;x&quot;')
    expect(xml).not.toContain('\u0001')
    const rows = readSheetXml(bytes, 'S')
    expect(rows[0]).toEqual(['<b>&"x"', 'ab', null, 3.5])
  })
})
