import type { MemberProfile } from '../../contract/me'
import type { RegistryMember } from '../../contract/registry'
import { maskName, maskPhone } from '../../domain/mask'
import type { MemberRecord } from '../../store/records'

/** How a registry member goes out on the wire: masked name and phone, never the ID hash. */
export function toProfile(member: MemberRecord): MemberProfile {
  return {
    maskedName: maskName(member.name),
    maskedPhone: maskPhone(member.phone),
    idLast4: member.idLast4,
    unit: member.unit,
    cardNo: member.cardNo,
  }
}

export function toRegistryMember(member: MemberRecord, bound: boolean): RegistryMember {
  return { id: member._id, ...toProfile(member), bound }
}
