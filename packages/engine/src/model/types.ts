import type { Map as ImMap, OrderedMap, OrderedSet } from 'immutable'
import type { ErrorInfo } from '../errors'
import type { CallCommand, CallModelEvent, CallRecord, CallStartResult } from './callTypes'

export * from './callTypes'

// ─────────────────────────────────────────────────────────────────────────────
// Ids, enums (numeric values equal the anchor's where it has them)
// ─────────────────────────────────────────────────────────────────────────────

export type UserId = string
export type LiveId = string

/** Role in a live room (= anchor `Role` and `TUIRole` values). */
export enum RoomRole { Owner = 0, Administrator = 1, GeneralUser = 2 }
/** How audience members get a seat (= `TUISeatMode`). */
export enum SeatMode { FreeToTake = 1, ApplyToTake = 2 }
/** How `seat.move` treats an occupied target seat (= anchor `MoveSeatPolicy`). */
export enum MoveSeatPolicy { AbortWhenOccupied = 0, ForceReplace = 1, SwapPosition = 2 }
/** Why a pending co-guest request ended without an answer (= anchor `NoResponseReason`). */
export enum NoResponseReason { timeout = 0, alreadySeated = 1 }
/** Why a live ended (= anchor `LiveEndedReason`). */
export enum LiveEndedReason { endedByHost = 1, endedByServer = 2 }
/** Why a user was removed from a live (= anchor `LiveKickedOutReason`). */
export enum LiveKickedOutReason {
  byAdmin = 0, byLoggedOnOtherDevice = 1, byServer = 2, forNetworkDisconnected = 3,
  forJoinRoomStatusInvalidDuringOffline = 4, forCountOfJoinedRoomsExceedLimit = 5,
}
/** Result of a co-host request per target (= `TUIConnectionCode`). */
export enum ConnectionCode {
  Unknown = -1, Success = 0, RoomNotExist = 1, Connecting = 2, ConnectingOtherRoom = 3, Full = 4, Retry = 5, RoomMismatch = 6,
}
/** Result of a battle request per invitee (= `TUIBattleCode`). */
export enum BattleCode { Unknown = -1, Success = 0, RoomNotExist = 1, Battling = 2, BattlingOtherRoom = 3, RoomExit = 4, Retry = 5 }
/** Why a battle ended (= anchor `BattleEndedReason`, with the anchor's inversion fixed). */
export enum BattleEndedReason { timeOver = 0, allMemberExit = 1 }
/** Co-host layouts (= anchor `CoHostLayoutTemplate`). */
export enum CoHostLayoutTemplate { HostDynamicGrid = 600, HostDynamic1v6 = 601, HostVideoLandscapeFixed2Seats = 400 }

/** The device an admin opens or closes on a seat. */
export type SeatDevice = 'microphone' | 'camera'

/**
 * How every pending request can end. Each outcome reaches both sides.
 * - accepted / rejected: answered by the other side
 * - cancelled: withdrawn by the side that sent it
 * - timeout: its deadline passed
 * - left: one side left the room, was kicked out or disconnected
 * - liveEnded: the live it belongs to ended
 * - seated: the applicant/invitee got a seat another way (NoResponseReason.alreadySeated)
 */
export type RequestOutcome = 'accepted' | 'rejected' | 'cancelled' | 'timeout' | 'left' | 'liveEnded' | 'seated'

// ─────────────────────────────────────────────────────────────────────────────
// Views: plain serialisable objects that cross the protocol
// ─────────────────────────────────────────────────────────────────────────────

export interface UserProfile {
  readonly userId: UserId
  readonly userName: string
  readonly avatarUrl: string
}

export interface MemberView extends UserProfile {
  readonly role: RoomRole
  readonly isMessageDisabled: boolean
  /** ms since epoch (hub clock) */
  readonly joinedAt: number
}

export interface SeatUserView extends UserProfile {
  /** The room the seated user belongs to (differs from the viewer's room for co-host partners). */
  readonly liveId: LiveId
  readonly role: RoomRole
  readonly microphoneOn: boolean
  readonly cameraOn: boolean
  /** false while an admin keeps the device closed (seat audio/video lock) */
  readonly allowOpenMicrophone: boolean
  readonly allowOpenCamera: boolean
  readonly onSeatAt: number
}

export interface SeatView {
  readonly index: number
  readonly isLocked: boolean
  readonly isAudioLocked: boolean
  readonly isVideoLocked: boolean
  /** null for an empty seat */
  readonly user: SeatUserView | null
}

export interface LiveInfoView {
  readonly liveId: LiveId
  readonly liveName: string
  readonly notice: string
  readonly coverUrl: string
  readonly backgroundUrl: string
  readonly categoryList: readonly number[]
  readonly activityStatus: number
  readonly isPublicVisible: boolean
  readonly isMessageDisableForAllUser: boolean
  readonly isGiftEnabled: boolean
  readonly isLikeEnabled: boolean
  readonly seatMode: SeatMode
  readonly maxSeatCount: number
  readonly layoutTemplate: number
  readonly owner: UserProfile
  readonly memberCount: number
  /** ms since epoch (hub clock) */
  readonly createTime: number
}

export interface ApplicationView {
  readonly liveId: LiveId
  readonly user: UserProfile
  /** -1 = any free seat */
  readonly seatIndex: number
  readonly createdAt: number
  /** ms deadline, null = no timeout */
  readonly expiresAt: number | null
}

export interface InvitationView {
  readonly liveId: LiveId
  readonly inviter: UserProfile
  readonly invitee: UserProfile
  readonly seatIndex: number
  readonly createdAt: number
  readonly expiresAt: number | null
}

/** A co-host host as seen by the other rooms. */
export interface CoHostUserView extends UserProfile {
  readonly liveId: LiveId
}

export interface CoHostRequestView {
  readonly requestId: string
  readonly inviter: CoHostUserView
  readonly invitee: CoHostUserView
  readonly layoutTemplate: number
  readonly extensionInfo: string
  readonly createdAt: number
  readonly expiresAt: number | null
}

export interface ConnectionView {
  readonly connectionId: string
  readonly layoutTemplate: number
  /** every connected host, in join order, self included */
  readonly hosts: readonly CoHostUserView[]
}

export interface BattleConfig {
  /** seconds */
  readonly duration: number
  readonly needResponse: boolean
  readonly extensionInfo: string
}

export interface BattleView {
  readonly battleId: string
  readonly config: BattleConfig
  readonly inviter: CoHostUserView
  /** started: running; pending: waiting for the first accept */
  readonly status: 'pending' | 'running'
  /** unix seconds; 0 while pending */
  readonly startTime: number
  readonly endTime: number
  /** battling users, inviter first */
  readonly users: readonly CoHostUserView[]
  readonly scores: Readonly<Record<UserId, number>>
}

export interface BattleRequestView {
  readonly battleId: string
  readonly inviter: CoHostUserView
  readonly invitee: CoHostUserView
  readonly expiresAt: number | null
}

/** Everything one session may see, for the first render and for resync. */
export interface SessionView {
  readonly user: UserProfile
  readonly live: LiveSessionView | null
}

export interface LiveSessionView {
  readonly info: LiveInfoView
  readonly role: RoomRole
  readonly isMessageDisabled: boolean
  readonly seats: readonly SeatView[]
  /** owner/admins: all pending applications; others: only their own */
  readonly applications: readonly ApplicationView[]
  /** owner/admins: all pending invitations of the room; invitee: those sent to them */
  readonly invitations: readonly InvitationView[]
  readonly connection: ConnectionView | null
  /** co-host requests this room's owner sent (owner only) */
  readonly coHostOutgoing: readonly CoHostRequestView[]
  /** co-host requests this room's owner received (owner only) */
  readonly coHostIncoming: readonly CoHostRequestView[]
  readonly battle: BattleView | null
  /** battle requests this user must answer */
  readonly battleRequests: readonly BattleRequestView[]
  readonly metadata: Readonly<Record<string, string>>
}

// ─────────────────────────────────────────────────────────────────────────────
// Commands (each is validated and reduced by the model; the actor comes from the transport)
// ─────────────────────────────────────────────────────────────────────────────

export interface StartLiveInput {
  readonly liveId: LiveId
  readonly liveName?: string
  readonly notice?: string
  readonly coverUrl?: string
  readonly backgroundUrl?: string
  readonly categoryList?: readonly number[]
  readonly activityStatus?: number
  readonly isPublicVisible?: boolean
  readonly isMessageDisableForAllUser?: boolean
  readonly isGiftEnabled?: boolean
  readonly isLikeEnabled?: boolean
  readonly seatMode?: SeatMode
  /** seat count; defaults from the layout template (9 for most, 7 for the 1v6/float ones, 4 landscape) */
  readonly maxSeatCount?: number
  /** the seat layout template id (600, 601, 800, 801, 200…) */
  readonly layoutTemplate?: number
}

export type UpdateLiveInfoInput = Partial<Omit<StartLiveInput, 'liveId' | 'maxSeatCount'>>

export type Command =
  // session
  | { readonly type: 'user.login'; readonly userName?: string; readonly avatarUrl?: string }
  | { readonly type: 'user.logout' }
  | { readonly type: 'user.disconnect' }
  | { readonly type: 'user.updateProfile'; readonly userName?: string; readonly avatarUrl?: string }
  // live rooms
  | ({ readonly type: 'live.start' } & StartLiveInput)
  | { readonly type: 'live.join'; readonly liveId: LiveId }
  | { readonly type: 'live.leave' }
  | { readonly type: 'live.end' }
  | ({ readonly type: 'live.update' } & UpdateLiveInfoInput)
  | { readonly type: 'live.setMetadata'; readonly metadata: Readonly<Record<string, string>> }
  // members
  | { readonly type: 'member.setAdmin'; readonly userId: UserId }
  | { readonly type: 'member.revokeAdmin'; readonly userId: UserId }
  | { readonly type: 'member.kick'; readonly userId: UserId }
  | { readonly type: 'member.disableMessage'; readonly userId: UserId; readonly isDisable: boolean }
  // seats
  | { readonly type: 'seat.take'; readonly seatIndex: number }
  | { readonly type: 'seat.leave' }
  | { readonly type: 'seat.lock'; readonly seatIndex: number; readonly isLocked: boolean }
  | { readonly type: 'seat.lockDevice'; readonly seatIndex: number; readonly device: SeatDevice; readonly isLocked: boolean }
  | { readonly type: 'seat.kick'; readonly userId: UserId }
  | { readonly type: 'seat.move'; readonly userId: UserId; readonly targetIndex: number; readonly policy: MoveSeatPolicy }
  /** admin: unlock (open = true, the user MAY open it again) or close and lock a seated user's device */
  | { readonly type: 'seat.remoteDevice'; readonly userId: UserId; readonly device: SeatDevice; readonly open: boolean }
  /** self: report my published microphone/camera state so every member sees it */
  | { readonly type: 'seat.deviceState'; readonly device: SeatDevice; readonly on: boolean }
  // co-guest
  | { readonly type: 'coGuest.apply'; readonly seatIndex: number; readonly timeout: number }
  | { readonly type: 'coGuest.cancelApplication' }
  | { readonly type: 'coGuest.accept'; readonly userId: UserId }
  | { readonly type: 'coGuest.reject'; readonly userId: UserId }
  | { readonly type: 'coGuest.invite'; readonly userId: UserId; readonly seatIndex: number; readonly timeout: number }
  | { readonly type: 'coGuest.cancelInvitation'; readonly userId: UserId }
  | { readonly type: 'coGuest.acceptInvitation'; readonly inviterId: UserId }
  | { readonly type: 'coGuest.rejectInvitation'; readonly inviterId: UserId }
  // co-host
  | {
    readonly type: 'coHost.request'
    readonly liveId: LiveId
    readonly layoutTemplate?: number
    readonly timeout: number
    readonly extensionInfo?: string
  }
  | { readonly type: 'coHost.cancel'; readonly liveId: LiveId }
  | { readonly type: 'coHost.accept'; readonly liveId: LiveId }
  | { readonly type: 'coHost.reject'; readonly liveId: LiveId }
  | { readonly type: 'coHost.exit' }
  // battle
  | { readonly type: 'battle.request'; readonly config: BattleConfig; readonly userIdList: readonly UserId[]; readonly timeout: number }
  | { readonly type: 'battle.cancel'; readonly battleId: string; readonly userIdList: readonly UserId[] }
  | { readonly type: 'battle.accept'; readonly battleId: string }
  | { readonly type: 'battle.reject'; readonly battleId: string }
  | { readonly type: 'battle.exit'; readonly battleId: string }
  /** add to a battling host's score (gifts); any member of a battling room */
  | { readonly type: 'battle.addScore'; readonly battleId: string; readonly userId: UserId; readonly value: number }
  // calls (between users, no live room needed)
  | CallCommand

export type CommandType = Command['type']
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>

/** What each accepted command returns to its caller. */
export interface CommandResultMap {
  'live.start': LiveInfoView
  'live.join': LiveInfoView
  'coHost.request': { readonly code: ConnectionCode }
  'battle.request': { readonly battleId: string; readonly result: Readonly<Record<UserId, BattleCode>> }
  'call.start': CallStartResult
}
export type CommandResult<T extends CommandType> = T extends keyof CommandResultMap ? CommandResultMap[T] : void

// ─────────────────────────────────────────────────────────────────────────────
// Queries (read-only, never change state)
// ─────────────────────────────────────────────────────────────────────────────

export type Query =
  | { readonly type: 'session.view' }
  | { readonly type: 'live.list'; readonly cursor?: string; readonly count?: number }
  | { readonly type: 'live.info'; readonly liveId: LiveId }
  | { readonly type: 'live.metadata'; readonly keys?: readonly string[] }
  | { readonly type: 'member.list'; readonly cursor?: string; readonly count?: number }
  | { readonly type: 'coHost.candidates'; readonly cursor?: string; readonly count?: number }

export interface QueryResultMap {
  'session.view': SessionView
  'live.list': { readonly list: readonly LiveInfoView[]; readonly cursor: string }
  'live.info': LiveInfoView
  'live.metadata': Readonly<Record<string, string>>
  'member.list': { readonly list: readonly MemberView[]; readonly cursor: string; readonly total: number }
  'coHost.candidates': { readonly list: readonly CoHostUserView[]; readonly cursor: string }
}
export type QueryType = Query['type']
export type QueryOf<T extends QueryType> = Extract<Query, { type: T }>

// ─────────────────────────────────────────────────────────────────────────────
// Events (what the model tells each recipient)
// ─────────────────────────────────────────────────────────────────────────────

export type RoomEvent =
  // session
  | { readonly type: 'user.kickedOffline' }
  // live
  | { readonly type: 'live.infoChanged'; readonly info: LiveInfoView }
  | { readonly type: 'live.ended'; readonly liveId: LiveId; readonly reason: LiveEndedReason }
  | { readonly type: 'live.kickedOut'; readonly liveId: LiveId; readonly reason: LiveKickedOutReason }
  | { readonly type: 'live.metadataChanged'; readonly liveId: LiveId; readonly metadata: Readonly<Record<string, string>> }
  // members (to everyone in the room)
  | { readonly type: 'member.joined'; readonly liveId: LiveId; readonly member: MemberView }
  | { readonly type: 'member.left'; readonly liveId: LiveId; readonly member: MemberView }
  | { readonly type: 'member.changed'; readonly liveId: LiveId; readonly member: MemberView }
  // seats (to everyone in the room)
  | { readonly type: 'seat.listChanged'; readonly liveId: LiveId; readonly seats: readonly SeatView[] }
  | { readonly type: 'seat.kickedOff'; readonly liveId: LiveId; readonly seatIndex: number; readonly hostUser: UserProfile }
  /** to the seated user whose device an admin opened (unlocked) or closed */
  | { readonly type: 'seat.deviceByAdmin'; readonly liveId: LiveId; readonly device: SeatDevice; readonly open: boolean; readonly hostUser: UserProfile }
  // co-guest applications: created → owner/admins + applicant; ended → owner/admins + applicant
  | { readonly type: 'coGuest.applicationAdded'; readonly application: ApplicationView }
  | {
    readonly type: 'coGuest.applicationEnded'
    readonly application: ApplicationView
    readonly outcome: RequestOutcome
    /** the owner/admin who answered (accepted/rejected) */
    readonly hostUser: UserProfile | null
  }
  // co-guest invitations: created/ended → owner/admins + invitee
  | { readonly type: 'coGuest.invitationAdded'; readonly invitation: InvitationView }
  | {
    readonly type: 'coGuest.invitationEnded'
    readonly invitation: InvitationView
    readonly outcome: RequestOutcome
  }
  // co-host: requests → both owners; connection → every member of every connected room
  | { readonly type: 'coHost.requestAdded'; readonly request: CoHostRequestView }
  | { readonly type: 'coHost.requestEnded'; readonly request: CoHostRequestView; readonly outcome: RequestOutcome }
  | {
    readonly type: 'coHost.connectionChanged'
    /** the viewer's room */
    readonly liveId: LiveId
    /** null when the viewer's room is no longer connected */
    readonly connection: ConnectionView | null
    readonly joined: readonly CoHostUserView[]
    readonly left: readonly CoHostUserView[]
  }
  // battle: requests → inviter + invitee; the rest → every member of every battling room
  | { readonly type: 'battle.requestAdded'; readonly request: BattleRequestView }
  | { readonly type: 'battle.requestEnded'; readonly request: BattleRequestView; readonly outcome: RequestOutcome }
  | { readonly type: 'battle.started'; readonly battle: BattleView }
  | { readonly type: 'battle.userJoined'; readonly battle: BattleView; readonly user: CoHostUserView }
  | { readonly type: 'battle.userExited'; readonly battle: BattleView; readonly user: CoHostUserView }
  | { readonly type: 'battle.scoreChanged'; readonly battle: BattleView }
  | { readonly type: 'battle.ended'; readonly battle: BattleView; readonly reason: BattleEndedReason }
  // calls: each event says who hears it
  | CallModelEvent

export type RoomEventType = RoomEvent['type']
export type RoomEventOf<T extends RoomEventType> = Extract<RoomEvent, { type: T }>

/** Who receives an event. `room` = every member of that room in the state after the command. */
export type Recipients = { readonly users: readonly UserId[] } | { readonly room: LiveId }

export interface Delivery {
  readonly to: Recipients
  readonly event: RoomEvent
}

/** A deadline the host of the model must run: call `expire(state, at, [key])` when it is due. */
export type TimerOp = { readonly op: 'set'; readonly key: string; readonly at: number } | { readonly op: 'clear'; readonly key: string }

// ─────────────────────────────────────────────────────────────────────────────
// Internal state (immutable; persistent maps keep every update O(log n))
// ─────────────────────────────────────────────────────────────────────────────

export interface UserRecord extends UserProfile {
  readonly liveId: LiveId | null
}

export interface Member {
  readonly userId: UserId
  /** join sequence number (from `nextId`): a stable `member.list` cursor even after others leave */
  readonly seq: number
  readonly role: RoomRole
  readonly isMessageDisabled: boolean
  readonly joinedAt: number
}

export interface Seat {
  readonly index: number
  /** '' = empty */
  readonly userId: UserId
  readonly isLocked: boolean
  readonly isAudioLocked: boolean
  readonly isVideoLocked: boolean
  readonly microphoneOn: boolean
  readonly cameraOn: boolean
  readonly onSeatAt: number
}

export interface Application {
  readonly userId: UserId
  readonly seatIndex: number
  readonly createdAt: number
  readonly expiresAt: number | null
}

export interface Invitation {
  readonly inviteeId: UserId
  readonly inviterId: UserId
  readonly seatIndex: number
  readonly createdAt: number
  readonly expiresAt: number | null
}

export interface Room {
  readonly info: Omit<LiveInfoView, 'owner' | 'memberCount'>
  /** creation sequence number (from `nextId`): a stable `live.list` cursor even after other lives end */
  readonly seq: number
  readonly ownerId: UserId
  /** administrators, kept apart so host-side fan-out never walks the audience */
  readonly adminIds: readonly UserId[]
  readonly members: OrderedMap<UserId, Member>
  readonly seats: readonly Seat[]
  /** keyed by applicant */
  readonly applications: OrderedMap<UserId, Application>
  /** keyed by invitee */
  readonly invitations: OrderedMap<UserId, Invitation>
  readonly metadata: Readonly<Record<string, string>>
  readonly connectionId: string | null
  readonly battleId: string | null
}

export interface CoHostRequest {
  readonly requestId: string
  readonly fromLiveId: LiveId
  readonly toLiveId: LiveId
  readonly fromUserId: UserId
  readonly toUserId: UserId
  readonly layoutTemplate: number
  readonly extensionInfo: string
  readonly createdAt: number
  readonly expiresAt: number | null
}

/** One room's pending co-host requests (requestIds): an index over `ModelState.coHostRequests`. */
export interface RoomCoHostRequests {
  /** the request this room's owner must answer: a room takes one at a time */
  readonly incoming: string | null
  /** the requests this room's owner sent, oldest first */
  readonly outgoing: OrderedSet<string>
}

export interface Connection {
  readonly connectionId: string
  readonly layoutTemplate: number
  readonly liveIds: readonly LiveId[]
}

export interface BattleRequest {
  readonly battleId: string
  readonly inviteeId: UserId
  readonly expiresAt: number | null
}

export interface Battle {
  readonly battleId: string
  readonly config: BattleConfig
  readonly inviterId: UserId
  readonly status: 'pending' | 'running'
  readonly startedAt: number
  readonly endsAt: number
  /** battling users (hosts), inviter first */
  readonly userIds: readonly UserId[]
  readonly scores: ImMap<UserId, number>
}

export interface ModelState {
  /** bumped by every accepted command and expiry; clients resync when they miss one */
  readonly version: number
  /** deterministic id counter */
  readonly nextId: number
  /** logged-in users */
  readonly users: ImMap<UserId, UserRecord>
  /** live rooms in creation order */
  readonly rooms: OrderedMap<LiveId, Room>
  /** keyed by requestId */
  readonly coHostRequests: OrderedMap<string, CoHostRequest>
  /** `coHostRequests` by room, so no co-host lookup walks every request (absent = no request at all) */
  readonly coHostByRoom: ImMap<LiveId, RoomCoHostRequests>
  readonly connections: ImMap<string, Connection>
  readonly battles: ImMap<string, Battle>
  /** keyed by `${battleId}|${inviteeId}` */
  readonly battleRequests: OrderedMap<string, BattleRequest>
  /** ongoing calls by callId */
  readonly calls: ImMap<string, CallRecord>
  /** the call each user is calling, ringing or connected in: a user is busy iff present */
  readonly userCalls: ImMap<UserId, string>
  /** every pending deadline: key → ms */
  readonly deadlines: ImMap<string, number>
}

/** Who acts and when. `actor` is vouched for by the transport, never by the message. */
export interface Context {
  readonly actor: UserId
  /** ms, hub clock */
  readonly now: number
}

export type ReduceResult<T = unknown> =
  | {
    readonly ok: true
    readonly state: ModelState
    readonly result: T
    readonly deliveries: readonly Delivery[]
    readonly timers: readonly TimerOp[]
  }
  | { readonly ok: false; readonly state: ModelState; readonly error: ErrorInfo }
