import { describe, expect, it } from 'vitest'
import * as api from '../index'

/** An enum's members as the reference lists them (numeric enums without their reverse mapping). */
const members = (enumObject: object) => Object.fromEntries(Object.entries(enumObject).filter(([key]) => Number.isNaN(Number(key))))
const named = (...names: string[]) => Object.fromEntries(names.map((name) => [name, name]))

describe('enums have the anchor\'s exact names and values (reference §2.1)', () => {
  it.each<[string, object, Record<string, string | number>]>([
    ['HostEvent', api.HostEvent, named('onGuestApplicationReceived', 'onGuestApplicationCancelled', 'onGuestApplicationProcessedByOtherHost', 'onHostInvitationResponded', 'onHostInvitationNoResponse')],
    ['GuestEvent', api.GuestEvent, named('onHostInvitationReceived', 'onHostInvitationCancelled', 'onGuestApplicationResponded', 'onGuestApplicationNoResponse', 'onGuestApplicationError', 'onKickedOffSeat')],
    ['CoGuestEvent', api.CoGuestEvent, members(api.GuestEvent) as Record<string, string>],
    ['CoHostEvent', api.CoHostEvent, named(
      'onCoHostRequestReceived', 'onCoHostRequestCancelled', 'onCoHostRequestAccepted', 'onCoHostRequestRejected', 'onCoHostRequestTimeout',
      'onCoHostUserJoined', 'onCoHostUserLeft', ...Object.keys(api.HostEvent),
    )],
    ['NoResponseReason', api.NoResponseReason, { timeout: 0, alreadySeated: 1 }],
    ['SeatApplicationErrorCode', api.SeatApplicationErrorCode, {
      MAX_SEAT_COUNT_LIMIT: -2340, SEAT_INDEX_NOT_EXIST: -2344, INSUFFICIENT_OPERATION_PERMISSIONS: 100006, SEAT_LOCKED: 100200, SEAT_OCCUPIED: 100201,
      ALREADY_ON_THE_SEAT_QUEUE: 100202, ALREADY_IN_SEAT: 100203, NOT_ON_THE_SEAT_QUEUE: 100204, ALL_SEAT_OCCUPIED: 100205, USER_NOT_IN_SEAT: 100206,
      USER_ALREADY_ON_SEAT: 100210, SEAT_NOT_SUPPORT_LINK_MIC: 100211, EMPTY_SEAT_LIST: 100251,
    }],
    ['CoHostStatus', api.CoHostStatus, named('Connected', 'Disconnected')],
    ['CoHostLayoutTemplate', api.CoHostLayoutTemplate, { HostDynamicGrid: 600, HostDynamic1v6: 601, HostVideoLandscapeFixed2Seats: 400 }],
    ['LiveSeatEvent', api.LiveSeatEvent, named('onLocalCameraOpenedByAdmin', 'onLocalCameraClosedByAdmin', 'onLocalMicrophoneOpenedByAdmin', 'onLocalMicrophoneClosedByAdmin')],
    ['MoveSeatPolicy', api.MoveSeatPolicy, { AbortWhenOccupied: 0, ForceReplace: 1, SwapPosition: 2 }],
    ['DeviceControlPolicy', api.DeviceControlPolicy, { UnlockOnly: 1 }],
    ['Role', api.Role, { Owner: 0, Administrator: 1, GeneralUser: 2 }],
    ['SuspendStatus', api.SuspendStatus, { None: 0, InBackground: 1, InCalling: 2 }],
    ['DeviceStatus', api.DeviceStatus, { Off: 0, On: 1 }],
    ['DeviceError', api.DeviceError, { NoError: 0, NoDeviceDetected: 1, NoSystemPermission: 2, NotSupportCapture: 3, OccupiedError: 4, UnknownError: 5 }],
    ['DeviceType', api.DeviceType, { Microphone: 0, Camera: 1, ScreenShare: 2 }],
    ['MirrorType', api.MirrorType, { Auto: 0, Enable: 1, Disable: 2 }],
    ['VideoQuality', api.VideoQuality, { Quality360P: 1, Quality540P: 2, Quality720P: 3, Quality1080P: 4 }],
    ['AudioRoute', api.AudioRoute, { Speakerphone: 0, Earpiece: 1 }],
    ['NetworkQuality', api.NetworkQuality, { Unknown: 0, Excellent: 1, Good: 2, Poor: 3, Bad: 4, VeryBad: 5, Down: 6 }],
    ['MediaSettingDisplayMode', api.MediaSettingDisplayMode, named('Icon', 'IconWithPanel', 'Panel')],
    ['LiveListEvent', api.LiveListEvent, named('onLiveEnded', 'onKickedOutOfLive')],
    ['LiveEndedReason', api.LiveEndedReason, { endedByHost: 1, endedByServer: 2 }],
    ['LiveKickedOutReason', api.LiveKickedOutReason, {
      byAdmin: 0, byLoggedOnOtherDevice: 1, byServer: 2, forNetworkDisconnected: 3, forJoinRoomStatusInvalidDuringOffline: 4, forCountOfJoinedRoomsExceedLimit: 5,
    }],
    ['LiveType', api.LiveType, { kLive: 0, kChatRoom: 1 }],
    ['LiveOrientation', api.LiveOrientation, { Landscape: 'landscape', Portrait: 'portrait' }],
    ['SeatLayoutTemplate', api.SeatLayoutTemplate, { VideoDynamicGrid9Seats: 600, VideoDynamicFloat7Seats: 601, VideoFixedGrid9Seats: 800, VideoFixedFloat7Seats: 801, VideoLandscape4Seats: 200 }],
    ['TUISeatMode', api.TUISeatMode, { kFreeToTake: 1, kApplyToTake: 2 }],
    ['TUIRole', api.TUIRole, { kRoomOwner: 0, kAdministrator: 1, kGeneralUser: 2 }],
    ['BattleEvent', api.BattleEvent, named(
      'onBattleStarted', 'onBattleEnded', 'onUserJoinBattle', 'onUserExitBattle', 'onBattleRequestReceived', 'onBattleRequestCancelled',
      'onBattleRequestTimeout', 'onBattleRequestAccept', 'onBattleRequestReject',
    )],
    ['BattleEndedReason', api.BattleEndedReason, { timeOver: 0, allMemberExit: 1 }],
    ['LoginStatus', api.LoginStatus, { UNKNOWN: 0, LOGINED: 1 }],
    ['LoginEvent', api.LoginEvent, named('onLoginExpired', 'onKickedOffline')],
    ['LiveAudienceEvent', api.LiveAudienceEvent, named(
      'onOwnerJoined', 'onOwnerLeft', 'onAdminJoined', 'onAdminLeft', 'onAudienceJoined', 'onAudienceLeft', 'onAudienceMessageDisabled',
    )],
    ['TUIConnectionCode', api.TUIConnectionCode, {
      TUIConnectionCodeUnknown: -1, TUIConnectionCodeSuccess: 0, TUIConnectionCodeRoomNotExist: 1, TUIConnectionCodeConnecting: 2,
      TUIConnectionCodeConnectingOtherRoom: 3, TUIConnectionCodeFull: 4, TUIConnectionCodeRetry: 5, TUIConnectionCodeRoomMismatch: 6,
    }],
    ['TUIBattleCode', api.TUIBattleCode, { Unknown: -1, Success: 0, RoomNotExist: 1, Battling: 2, BattlingOtherRoom: 3, RoomExit: 4, Retry: 5 }],
    ['TUIRequestCallbackType', api.TUIRequestCallbackType, { kRequestAccepted: 0, kRequestRejected: 1, kRequestCancelled: 2, kRequestTimeout: 3, kRequestError: 4 }],
    ['CallMediaType', api.CallMediaType, { UNKNOWN: 0, AUDIO: 1, VIDEO: 2 }],
    ['ConnectionStatus', api.ConnectionStatus, named('On', 'Off', 'OffInvitationPending', 'OffApplicationPending')],
    ['BattleStatus', api.BattleStatus, named('On', 'Off', 'OffInvitationPending', 'OffApplicationPending')],
    ['SeatStatus', api.SeatStatus, named('On', 'Off', 'OffNeedPermission', 'OffInvitationPending', 'OffApplicationPending')],
    ['StreamPlayMode', api.StreamPlayMode, { PLAY: 'play', STOP: 'stop', PLAY_IN_VISIBLE: 'playInVisible' }],
    ['StreamPlayQuality', api.StreamPlayQuality, { HIGH: 'high', LOW: 'low', Default: 'default' }],
  ])('%s', (_, enumObject, expected) => {
    expect(members(enumObject)).toEqual(expected)
  })

  it('the co-guest spellings share values, so one listener serves them all', () => {
    expect(api.CoGuestEvent.onHostInvitationReceived).toBe(api.GuestEvent.onHostInvitationReceived)
    expect(api.CoHostEvent.onGuestApplicationReceived).toBe(api.HostEvent.onGuestApplicationReceived)
    expect(api.CoHostEvent.onHostInvitationResponded).toBe(api.HostEvent.onHostInvitationResponded)
  })
})
