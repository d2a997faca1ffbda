// Co-guest on both media engines: what host and guest see through the composables, and what the media
// backend does (the guest's role, what it publishes, whether the host really plays it).
import {
  DeviceStatus, GuestEvent, HostEvent, useCoGuestState, useDeviceState, useLiveListState, useLiveSeatState, type CoGuestEventInfoMap,
} from '@atomicx-vue/vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestUser } from '@atomicx-vue/vue/testing'
import { ENGINES } from './engines'
import { record, type EventLog, type Stage } from './stage'

const CO_GUEST_EVENTS: ReadonlyArray<keyof CoGuestEventInfoMap> = [...Object.values(HostEvent), ...Object.values(GuestEvent)]
const profile = (userId: string) => ({ userId, userName: `Name of ${userId}`, avatarUrl: '' })
/** A pending request of 30 s made now (the clock is fake, so it stands still). */
const pending = (userId: string) => ({ ...profile(userId), expiresAt: Date.now() + 30_000 })
/** The guest's media room while in the audience. */
const AUDIENCE = { roomId: 'live_1', scene: 'live', role: 'audience', published: [], links: [] }

describe.each(ENGINES)('co-guest on the %s engine', (_, makeStage) => {
  let stage: Stage
  let host: TestUser
  let guest: TestUser
  let hostLog: EventLog<CoGuestEventInfoMap>
  let guestLog: EventLog<CoGuestEventInfoMap>

  beforeEach(async () => {
    stage = await makeStage(['host', 'guest'])
    ;[host, guest] = stage.users as [TestUser, TestUser]
    await host.use(useLiveListState).startLive({ liveId: 'live_1', liveName: 'Live 1' })
    await guest.use(useLiveListState).joinLive({ liveId: 'live_1' })
    await stage.settle()
    hostLog = record(host.use(useCoGuestState), CO_GUEST_EVENTS)
    guestLog = record(guest.use(useCoGuestState), CO_GUEST_EVENTS)
  })

  afterEach(() => stage.dispose())

  const seated = (who: TestUser) => who.use(useLiveSeatState).seatList.value.filter((s) => s.userInfo.userId).map((s) => s.userInfo.userId)
  const seatOf = (who: TestUser, userId: string) => who.use(useLiveSeatState).seatList.value.find((s) => s.userInfo.userId === userId)?.userInfo
  const devices = (who: TestUser) => [who.use(useDeviceState).microphoneStatus.value, who.use(useDeviceState).cameraStatus.value]

  /** The seated guest opens microphone and camera; the host sees both on and plays the video into a new view. */
  async function guestGoesOnAir(): Promise<HTMLElement> {
    expect(stage.presence('guest')).toEqual({ ...AUDIENCE, role: 'anchor' }) // stepped up before publishing
    await guest.use(useDeviceState).openLocalMicrophone()
    await guest.use(useDeviceState).openLocalCamera()
    await stage.settle()
    expect(devices(guest)).toEqual([DeviceStatus.On, DeviceStatus.On])
    expect(seatOf(host, 'guest')).toMatchObject({ microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })
    expect(stage.presence('guest')?.published).toEqual(['audio', 'camera'])
    expect(stage.heard('host')).toEqual(['guest joined', 'guest audio on', 'guest camera on'])
    const view = document.createElement('div')
    await host.use(useLiveSeatState).playUserVideo({ userId: 'guest', view })
    await stage.settle()
    expect(stage.plays('host', 'guest', view)).toBe(true)
    return view
  }

  /** Back in the audience: seat freed on both sides, devices off, nothing published, the host's view empty. */
  function expectGuestOffAir(view: HTMLElement): void {
    for (const who of [host, guest]) expect(seated(who)).toEqual(['host'])
    expect(devices(guest)).toEqual([DeviceStatus.Off, DeviceStatus.Off])
    expect(stage.presence('guest')).toEqual(AUDIENCE)
    expect(stage.plays('host', 'guest', view)).toBe(false)
    expect(stage.heard('host').slice(3)).toEqual(['guest audio off', 'guest camera off', 'guest left (role)'])
  }

  it('apply → accept → the guest publishes and the host plays it → the guest leaves the seat and stops publishing', async () => {
    expect(stage.presence('guest')).toEqual(AUDIENCE)
    expect(stage.heard('guest')).toEqual(['host joined'])

    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await stage.settle()
    expect(hostLog).toEqual([[HostEvent.onGuestApplicationReceived, { guestUser: profile('guest') }]])
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest')])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([pending('guest')])
    expect(stage.presence('guest')).toEqual(AUDIENCE)

    await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await stage.settle()
    expect(guestLog).toEqual([[GuestEvent.onGuestApplicationResponded, { isAccept: true, hostUser: profile('host') }]])
    for (const who of [host, guest]) {
      expect(who.use(useCoGuestState).applicants.value).toEqual([])
      expect(seated(who)).toEqual(['host', 'guest'])
    }
    const view = await guestGoesOnAir()

    await guest.use(useCoGuestState).disConnect()
    await stage.settle()
    expectGuestOffAir(view)
    expect(hostLog).toHaveLength(1)
    expect(guestLog).toHaveLength(1)
  })

  it('invite → accept → the guest publishes and the host plays it → kicked off the seat, the guest stops publishing', async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 30 })
    await stage.settle()
    expect(guestLog).toEqual([[GuestEvent.onHostInvitationReceived, { hostUser: profile('host') }]])
    expect(host.use(useCoGuestState).invitees.value).toEqual([pending('guest')])
    expect(stage.presence('guest')).toEqual(AUDIENCE)

    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await stage.settle()
    expect(hostLog).toEqual([[HostEvent.onHostInvitationResponded, { isAccept: true, guestUser: profile('guest') }]])
    for (const who of [host, guest]) {
      expect(who.use(useCoGuestState).invitees.value).toEqual([])
      expect(seated(who)).toEqual(['host', 'guest'])
    }
    const view = await guestGoesOnAir()

    await host.use(useLiveSeatState).kickUserOutOfSeat({ userId: 'guest' })
    await stage.settle()
    expect(guestLog.at(-1)).toEqual([GuestEvent.onKickedOffSeat, { seatIndex: 1, hostUser: profile('host') }])
    expectGuestOffAir(view)
  })
})
