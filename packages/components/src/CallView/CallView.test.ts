import { CallMediaType, CallStatus, useCallState } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { createUser, flush, tearDown, type TestUser } from '../testing/harness'
import CallView from './CallView.vue'

let hub: Hub
let backend: FakeBackend
let alice: TestUser
let bob: TestUser
let carol: TestUser

const buttons = (view: VueWrapper) => view.findAll('[data-testid^="call-"]:not(video)').map((b) => b.attributes('data-testid')).filter((id) => id !== 'call-view')
const video = (view: VueWrapper, userId: string) => view.find(`[data-testid="call-video-${userId}"]`).element as HTMLVideoElement
const button = (view: VueWrapper, name: string) => view.find(`[data-testid="call-${name}"]`)
const iconOf = (view: VueWrapper, selector: string) => view.find(`${selector} svg`).attributes('data-icon')

// emoji and dingbats: without an emoji font (headless Chromium, many Linux desktops) they show as "□"
const EMOJI = /[\p{Extended_Pictographic}\u2700-\u27bf]/u

/** Every icon as "<its element's data-testid>: <icon>, <how screen readers get it>". */
const icons = (view: VueWrapper) => view.findAll('svg').map((svg) => {
  const { role, 'aria-label': label, 'aria-hidden': hidden, 'data-icon': icon } = svg.attributes()
  const where = svg.element.closest('[data-testid]')?.getAttribute('data-testid')
  return `${where}: ${icon}, ${role === 'img' ? `img "${label}"` : `aria-hidden=${hidden}`}`
})

async function press(view: VueWrapper, name: string): Promise<void> {
  await button(view, name).trigger('click')
  await flush()
}

async function call(userIdList: string[], mediaType = CallMediaType.VIDEO): Promise<void> {
  await alice.use(useCallState).calls({ userIdList, mediaType })
  await flush()
}

/** alice video-calls bob (and whoever else), bob accepts; both show the view. */
async function connected(others: string[] = []): Promise<[VueWrapper, VueWrapper]> {
  const views = [await alice.show(CallView), await bob.show(CallView)] as [VueWrapper, VueWrapper]
  await call(['bob', ...others])
  await press(views[1], 'accept')
  await flush()
  return views
}

beforeEach(async () => {
  hub = createLocalHub()
  backend = createFakeBackend()
  alice = await createUser(hub, 'alice', backend)
  bob = await createUser(hub, 'bob', backend)
  carol = await createUser(hub, 'carol', backend)
})

afterEach(() => tearDown(hub, [alice, bob, carol]))

describe('1-to-1', () => {
  it('renders nothing while idle', async () => {
    expect((await alice.show(CallView)).html()).toBe('<!--v-if-->')
  })

  it('calling shows whom it waits for with Hangup; ringing shows the caller with Reject and Accept', async () => {
    const [aliceView, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob'])
    expect(aliceView.find('[data-testid="calling"]').text()).toBe('Waiting for Name of bob to accept…')
    expect(buttons(aliceView)).toEqual(['call-hangup'])
    expect(button(aliceView, 'hangup').attributes('aria-label')).toBe('Hang up')
    expect(bobView.find('[data-testid="ringing"] .tip').text()).toBe('Name of alice is calling you')
    expect(buttons(bobView)).toEqual(['call-reject', 'call-accept'])
    expect(bobView.find('[data-testid="call-view"]').attributes('aria-label')).toBe('Video call')
  })

  it('Accept connects both: timer, device buttons, and each video where it belongs', async () => {
    const [aliceView, bobView] = await connected()
    expect(bobView.emitted('accept')).toEqual([[]])
    for (const view of [aliceView, bobView]) {
      expect(view.find('[data-testid="call-view"]').attributes('data-status')).toBe(CallStatus.Connected)
      expect(view.find('[role="timer"]').text()).toBe('00:00:00')
      expect(buttons(view)).toEqual(['call-camera', 'call-microphone', 'call-speaker', 'call-hangup'])
    }
    const received = backend.playing(video(aliceView, 'bob'))
    expect(received?.getVideoTracks()).toHaveLength(1) // bob's camera, opened on connect
    expect(backend.playing(video(bobView, 'alice'))?.getVideoTracks()).toHaveLength(1)
  })

  it('the camera opened on connect previews in the own tile, the very capture the other side receives', async () => {
    const [aliceView, bobView] = await connected()
    for (const [view, self, other] of [[aliceView, 'alice', 'bob'], [bobView, 'bob', 'alice']] as const) {
      const preview = backend.playing(video(view, self))
      expect(preview?.getVideoTracks()).toHaveLength(1)
      expect(backend.playing(video(view === aliceView ? bobView : aliceView, self))).toBe(preview)
      expect(view.find(`[data-testid="participant-${self}"] .placeholder`).exists()).toBe(false)
      expect(view.find(`[data-testid="participant-${other}"] .placeholder`).exists()).toBe(false)
    }
    expect(aliceView.emitted('error')).toBeUndefined()
  })

  it('Reject ends it for both', async () => {
    const [aliceView, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob'])
    await press(bobView, 'reject')
    expect(bobView.emitted('reject')).toEqual([[]])
    expect(alice.use(useCallState).callStatus.value).toBe(CallStatus.Idle)
    expect([aliceView.html(), bobView.html()]).toEqual(['<!--v-if-->', '<!--v-if-->'])
  })

  it('Hangup ends a connected call for both', async () => {
    const [aliceView, bobView] = await connected()
    await press(aliceView, 'hangup')
    expect(aliceView.emitted('hangup')).toEqual([[]])
    expect([aliceView.html(), bobView.html()]).toEqual(['<!--v-if-->', '<!--v-if-->'])
  })

  it('microphone, camera and speaker toggle and say what pressing does', async () => {
    const [aliceView, bobView] = await connected()
    const state = alice.use(useCallState)
    expect(button(aliceView, 'microphone').attributes()).toMatchObject({ 'aria-label': 'Mute microphone', 'aria-pressed': 'true' })
    expect(iconOf(aliceView, '[data-testid="call-microphone"]')).toBe('mic')
    await press(aliceView, 'microphone')
    expect(state.isMicrophoneOpened.value).toBe(false)
    expect(button(aliceView, 'microphone').attributes()).toMatchObject({ 'aria-label': 'Unmute microphone', 'aria-pressed': 'false' })
    expect(iconOf(aliceView, '[data-testid="call-microphone"]')).toBe('micOff')
    expect(aliceView.find('[data-testid="participant-alice"] [role="img"]').attributes('aria-label')).toBe('Microphone off')
    expect(iconOf(aliceView, '[data-testid="participant-alice"]')).toBe('micOff')

    await press(aliceView, 'camera')
    expect(state.isCameraOpened.value).toBe(false)
    expect(button(aliceView, 'camera').attributes('aria-label')).toBe('Turn camera on')
    expect(iconOf(aliceView, '[data-testid="call-camera"]')).toBe('cameraOff')
    await press(aliceView, 'camera')
    expect(state.isCameraOpened.value).toBe(true)
    const preview = backend.playing(video(aliceView, 'alice'))
    expect(preview?.getVideoTracks()).toHaveLength(1)
    await flush()
    expect(backend.playing(video(bobView, 'alice'))).toBe(preview) // bob receives the reopened camera

    expect(iconOf(aliceView, '[data-testid="call-camera"]')).toBe('camera')

    expect(iconOf(aliceView, '[data-testid="call-speaker"]')).toBe('speaker')
    await press(aliceView, 'speaker')
    expect(state.isSpeakerMuted.value).toBe(true)
    expect(button(aliceView, 'speaker').attributes('aria-label')).toBe('Unmute speaker')
    expect(iconOf(aliceView, '[data-testid="call-speaker"]')).toBe('speakerOff')
  })

  it('an audio call has no camera button and no video', async () => {
    const [aliceView, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob'], CallMediaType.AUDIO)
    await press(bobView, 'accept')
    expect(buttons(aliceView)).toEqual(['call-microphone', 'call-speaker', 'call-hangup'])
    expect(aliceView.find('video').exists()).toBe(false)
    expect(aliceView.find('[data-testid="call-view"]').attributes('aria-label')).toBe('Audio call')
  })

  it('the timer ticks each second', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const [aliceView] = await connected()
    vi.advanceTimersByTime(62_000)
    await nextTick()
    expect(aliceView.find('[role="timer"]').text()).toBe('00:01:02')
  })
})

describe('group calls', () => {
  it('calling: Invite and Hangup; ringing: the caller and how many are in it', async () => {
    const [aliceView, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob', 'carol'])
    expect(aliceView.find('[data-testid="calling"]').text()).toBe('Waiting for the others to accept…')
    expect(buttons(aliceView)).toEqual(['call-invite', 'call-hangup'])
    expect(bobView.findAll('[data-testid="ringing"] .tip').map((tip) => tip.text())).toEqual(['Name of alice invites you to a group call', '3 people in the call'])
  })

  it('connected: a grid with a connecting tile for who has not answered; a decline shows as a status line', async () => {
    const [aliceView] = await connected(['carol'])
    expect(buttons(aliceView)).toEqual(['call-camera', 'call-microphone', 'call-speaker', 'call-invite', 'call-hangup'])
    expect(aliceView.find('.tiles').classes()).toContain('tiles--grid')
    expect(aliceView.findAll('[data-testid^="participant-"]').map((tile) => tile.attributes('data-testid'))).toEqual([
      'participant-alice', 'participant-bob', 'participant-carol',
    ])
    expect(aliceView.find('[data-testid="participant-carol"] .state').text()).toBe('Connecting…')
    await carol.use(useCallState).reject()
    await flush()
    expect(aliceView.find('[role="status"]').text()).toBe('Name of carol declined the call')
    expect(aliceView.find('[data-testid="participant-carol"]').exists()).toBe(false)
  })

  it('Invite opens a form (Enter submits) that rings the users; Escape closes it', async () => {
    const [aliceView] = await connected(['carol'])
    await press(aliceView, 'invite')
    const dialog = aliceView.find('[role="dialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(aliceView.find('[data-testid="invite-ids"]').element)
    await dialog.trigger('keydown', { key: 'Escape' })
    expect(aliceView.find('[role="dialog"]').exists()).toBe(false)

    const dave = await createUser(hub, 'dave', backend)
    await press(aliceView, 'invite')
    await aliceView.find('[data-testid="invite-ids"]').setValue('dave, dave')
    await aliceView.find('form').trigger('submit')
    await flush()
    expect(aliceView.emitted('invite')).toEqual([[['dave']]])
    expect(dave.use(useCallState).callStatus.value).toBe(CallStatus.Ringing)
    expect(aliceView.find('[role="dialog"]').exists()).toBe(false)
    dave.unmount()
  })

  it.each([
    ['bob', 'Check the input and try again', -1001],
    [['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].join(','), 'A call holds at most 9 people', -2504],
  ])('inviting %s is refused with a message by code; the form stays', async (ids, text, code) => {
    const [aliceView] = await connected(['carol'])
    await press(aliceView, 'invite')
    await aliceView.find('[data-testid="invite-ids"]').setValue(ids)
    await aliceView.find('form').trigger('submit')
    await flush()
    expect(aliceView.find('[role="alert"]').text()).toContain(text)
    expect(aliceView.find('[role="dialog"]').exists()).toBe(true)
    expect(aliceView.emitted('error')).toEqual([[{ action: 'inviteUser', error: expect.objectContaining({ code }) }]])
  })
})

describe('focus, display mode, minimize', () => {
  const tileClasses = (view: VueWrapper, userId: string) => view.find(`[data-testid="participant-${userId}"]`).classes()

  it('1-to-1: the focused user is the large tile (the other side once connected); pressing the small tile swaps them', async () => {
    const [aliceView] = await connected()
    expect(tileClasses(aliceView, 'alice')).toContain('tile--small')
    expect(tileClasses(aliceView, 'bob')).not.toContain('tile--small')
    expect(aliceView.find('[data-testid="focus-bob"]').exists()).toBe(false) // the large one has nothing to swap with
    const focusAlice = aliceView.find('[data-testid="focus-alice"]')
    expect(focusAlice.attributes('aria-label')).toBe('Focus on Name of alice')
    await focusAlice.trigger('click')
    await flush()
    expect(alice.use(useCallState).focusUserId.value).toBe('alice')
    expect(tileClasses(aliceView, 'alice')).not.toContain('tile--small')
    expect(tileClasses(aliceView, 'bob')).toContain('tile--small')
    expect(backend.playing(video(aliceView, 'bob'))?.getVideoTracks()).toHaveLength(1) // the same elements, only restyled
  })

  it('group: pressing a tile focuses it, pressing it again unfocuses it', async () => {
    const [aliceView] = await connected(['carol'])
    const focusBob = () => aliceView.find('[data-testid="focus-bob"]')
    expect(focusBob().attributes('aria-pressed')).toBe('false')
    await focusBob().trigger('click')
    await flush()
    expect(alice.use(useCallState).focusUserId.value).toBe('bob')
    expect(focusBob().attributes('aria-pressed')).toBe('true')
    expect(aliceView.findAll('.tile--focused').map((tile) => tile.attributes('data-testid'))).toEqual(['participant-bob'])
    await focusBob().trigger('click')
    await flush()
    expect(alice.use(useCallState).focusUserId.value).toBe('')
    expect(aliceView.findAll('.tile--focused')).toEqual([])
  })

  it('videos fill their tiles as videoDisplayMode says', async () => {
    const [aliceView] = await connected()
    const fits = () => ['alice', 'bob'].map((userId) => video(aliceView, userId).style.objectFit)
    expect(fits()).toEqual(['cover', 'cover'])
    await alice.use(useCallState).setVideoDisplayMode({ mode: 'contain' })
    await nextTick()
    expect(fits()).toEqual(['contain', 'contain'])
  })

  it('no Minimize unless the float window is enabled', async () => {
    const [aliceView] = await connected()
    expect(button(aliceView, 'minimize').exists()).toBe(false)
    await alice.use(useCallState).enableFloatWindow({ enable: true })
    await nextTick()
    expect(button(aliceView, 'minimize').attributes('aria-label')).toBe('Minimize the call')
  })

  it('Minimize hides the view, still mounted with its videos playing, behind a float with the timer; pressing the float restores it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    await alice.use(useCallState).enableFloatWindow({ enable: true })
    const [aliceView] = await connected()
    const remote = video(aliceView, 'bob')
    await press(aliceView, 'minimize')
    expect(alice.use(useCallState).isMinimized.value).toBe(true)
    expect(aliceView.find('[data-testid="call-view"]').isVisible()).toBe(false)
    expect(video(aliceView, 'bob')).toBe(remote)
    expect(backend.playing(remote)?.getVideoTracks()).toHaveLength(1)
    vi.advanceTimersByTime(5_000)
    await nextTick()
    const float = button(aliceView, 'float')
    expect(float.attributes('aria-label')).toBe('Back to the call')
    expect(float.text()).toContain('00:00:05')

    await press(aliceView, 'float')
    expect(alice.use(useCallState).isMinimized.value).toBe(false)
    expect(aliceView.find('[data-testid="call-view"]').isVisible()).toBe(true)
    expect(button(aliceView, 'float').exists()).toBe(false)
  })

  it('minimized while calling, the float says it is waiting; the end of the call removes it', async () => {
    const aliceView = await alice.show(CallView)
    await call(['bob'])
    await alice.use(useCallState).toggleMinimize()
    await nextTick()
    expect(button(aliceView, 'float').text()).toContain('Waiting…')
    await alice.use(useCallState).hangup()
    await flush()
    expect(aliceView.html()).toBe('<!--v-if-->')
    expect(alice.use(useCallState).isMinimized.value).toBe(false)
  })
})

describe('icons', () => {
  it('ringing and calling: drawn icons, no emoji; button icons hide behind the button names', async () => {
    const [aliceView, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob'])
    expect(icons(bobView)).toEqual(['call-reject: hangup, aria-hidden=true', 'call-accept: phone, aria-hidden=true'])
    expect(icons(aliceView)).toEqual([
      'participant-alice: micOff, img "Microphone off"', // no media before the call connects
      'participant-bob: micOff, img "Microphone off"',
      'call-hangup: hangup, aria-hidden=true',
    ])
    for (const view of [aliceView, bobView]) expect(view.html()).not.toMatch(EMOJI)
  })

  it('connected group call with a float window: mic states announced per tile, every button and the float drawn', async () => {
    await alice.use(useCallState).enableFloatWindow({ enable: true })
    const [aliceView] = await connected(['carol'])
    expect(icons(aliceView)).toEqual([
      'call-minimize: minimize, aria-hidden=true',
      'participant-alice: mic, img "Microphone on"',
      'participant-bob: mic, img "Microphone on"',
      'participant-carol: micOff, img "Microphone off"',
      'call-camera: camera, aria-hidden=true',
      'call-microphone: mic, aria-hidden=true',
      'call-speaker: speaker, aria-hidden=true',
      'call-invite: userPlus, aria-hidden=true',
      'call-hangup: hangup, aria-hidden=true',
    ])
    await press(aliceView, 'minimize')
    expect(icons(aliceView).at(-1)).toBe('call-float: camera, aria-hidden=true')
    expect(aliceView.html()).not.toMatch(EMOJI)
  })

  it("an audio call's float shows a phone", async () => {
    const aliceView = await alice.show(CallView)
    await call(['bob'], CallMediaType.AUDIO)
    await alice.use(useCallState).toggleMinimize()
    await nextTick()
    expect(iconOf(aliceView, '[data-testid="call-float"]')).toBe('phone')
    expect(aliceView.html()).not.toMatch(EMOJI)
  })
})

describe('language and cleanup', () => {
  it('switches to Simplified Chinese', async () => {
    const [, bobView] = [await alice.show(CallView), await bob.show(CallView)]
    await call(['bob'])
    bob.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(bobView.find('[data-testid="ringing"] .tip').text()).toBe('Name of alice 邀请你通话')
    expect(button(bobView, 'accept').attributes('aria-label')).toBe('同意')
  })

  it('unmounting while connected stops the videos it played', async () => {
    const [aliceView] = await connected()
    const [remote, own] = [video(aliceView, 'bob'), video(aliceView, 'alice')]
    await alice.hide()
    await flush()
    expect(backend.playing(remote)).toBeUndefined()
    expect(backend.playing(own)).toBeUndefined()
    expect(alice.use(useCallState).isCameraOpened.value).toBe(true) // the call goes on
  })
})
