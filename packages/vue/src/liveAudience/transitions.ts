import { RoomRole, type MemberView } from '@atomicx-vue/engine'
import { toLiveUserInfo } from '../core/convert'
import type { Emission } from '../core/events'
import { LiveAudienceEvent, type AudienceInfo } from '../types/audience'
import type { TUIRole } from '../types/user'
import type { LiveAudienceEventInfoMap } from './events'

type AudienceEmission = Emission<LiveAudienceEventInfoMap>

/** A member as an audience entry. */
export function toAudienceInfo(member: MemberView): AudienceInfo {
  return {
    ...toLiveUserInfo(member),
    customInfo: {},
    userRole: member.role as number as TUIRole,
    isMessageDisabled: member.isMessageDisabled,
    joinedTimestamp: member.joinedAt,
  }
}

/** `members` as audience entries by userId; the owner is never part of the audience. */
export function audienceEntries(members: readonly MemberView[]): Array<[string, AudienceInfo]> {
  return members.filter((member) => member.role !== RoomRole.Owner).map((member) => [member.userId, toAudienceInfo(member)])
}

/** The event telling others that `member` joined (`joined`) or left. */
export function presenceEmission(member: MemberView, joined: boolean): AudienceEmission {
  const user = toLiveUserInfo(member)
  if (member.role === RoomRole.Owner) return { event: joined ? LiveAudienceEvent.onOwnerJoined : LiveAudienceEvent.onOwnerLeft, info: { owner: user } }
  if (member.role === RoomRole.Administrator) return { event: joined ? LiveAudienceEvent.onAdminJoined : LiveAudienceEvent.onAdminLeft, info: { admin: user } }
  return { event: joined ? LiveAudienceEvent.onAudienceJoined : LiveAudienceEvent.onAudienceLeft, info: { audience: user } }
}

/** The events of a member change: only a message ban flip has one. */
export function changeEmissions(before: AudienceInfo | undefined, member: MemberView): AudienceEmission[] {
  if (!before || before.isMessageDisabled === member.isMessageDisabled) return []
  return [{ event: LiveAudienceEvent.onAudienceMessageDisabled, info: { audience: toLiveUserInfo(member), isDisable: member.isMessageDisabled } }]
}
