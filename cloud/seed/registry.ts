import {
  checkCharacter,
  hashIdNumber,
  idLast4,
  memberIdFor,
} from '../../cloudfunctions/domain/id-number'
import type { MemberRecord } from '../../cloudfunctions/store/records'
import { localEnvOf } from '../functions/local-env'

/**
 * A registry (会员库) of a few hundred made-up Zhejiang union members, the same on every run: a
 * seeded generator, valid GB 11643 check characters, hashed with the key the local cloud's api
 * function is configured with, so verification in the demo works end to end.
 */
export const DEV_ID_HASH_KEY = localEnvOf('api').ID_HASH_KEY ?? ''

export interface RegistryPerson {
  name: string
  idNumber: string
  phone: string
  unit: string
  cardNo: string
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱严莫孔'
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕鹏辉建国文斌宇浩凯晨欣怡佳琪俊峰海波晓东雪梅丹丹志红春林振宁慧颖'
/** Zhejiang county codes (GB/T 2260), the first six digits of an ID number. */
const AREAS = ['330102', '330105', '330106', '330108', '330203', '330302', '330402', '330502']
const MORE_AREAS = ['330602', '330702', '330802', '330902', '331002', '331102']
const UNITS = [
  '浙江省总工会机关工会',
  '杭州市西湖区总工会',
  '杭州市上城区总工会',
  '杭州市拱墅区总工会',
  '宁波市海曙区总工会',
  '温州市鹿城区总工会',
  '嘉兴市南湖区总工会',
  '湖州市吴兴区总工会',
  '绍兴市越城区总工会',
  '金华市婺城区总工会',
  '浙江省电力公司工会',
  '杭州地铁集团工会',
  '浙江大学工会',
  '杭州市第一人民医院工会',
  '浙江省交通投资集团工会',
]

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** A valid 18-character ID number from its parts. */
export function idNumberOf(area: string, birth: string, sequence: number): string {
  const first17 = `${area}${birth}${pad(sequence, 3)}`
  return `${first17}${checkCharacter(first17)}`
}

export function registryPeople(count: number): RegistryPerson[] {
  const next = random(20250613)
  const pick = <T>(list: readonly T[] | string): T | string =>
    list[Math.floor(next() * list.length)]
  const areas = [...AREAS, ...MORE_AREAS]
  const people: RegistryPerson[] = []
  for (let i = 0; i < count; i += 1) {
    const givenLength = next() < 0.6 ? 2 : 1
    let given = ''
    for (let g = 0; g < givenLength; g += 1) given += String(pick(GIVEN))
    const year = 1965 + Math.floor(next() * 36)
    const month = 1 + Math.floor(next() * 12)
    const day = 1 + Math.floor(next() * 28)
    // Odd 17th digit: male, even: female; the sequence makes every number unique.
    const sequence = 100 + i
    people.push({
      name: `${String(pick(SURNAMES))}${given}`,
      idNumber: idNumberOf(String(pick(areas)), `${year}${pad(month, 2)}${pad(day, 2)}`, sequence),
      phone: `13${5 + (i % 5)}${pad(10_000_000 + i * 7919, 8).slice(-8)}`,
      unit: String(pick(UNITS)),
      cardNo: `ZJ${pad(100_000 + i, 10)}`,
    })
  }
  return people
}

export function memberRecord(
  person: RegistryPerson,
  at: Date,
  key = DEV_ID_HASH_KEY,
): MemberRecord {
  const idHash = hashIdNumber(person.idNumber, key)
  return {
    _id: memberIdFor(idHash),
    name: person.name,
    idHash,
    idLast4: idLast4(person.idNumber),
    phone: person.phone,
    unit: person.unit,
    cardNo: person.cardNo,
    createdAt: at,
    updatedAt: at,
  }
}
