import { MirrorType, useDeviceState, VideoQuality } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { createUser, flush, tearDown, type TestUser } from '../testing/harness'
import DeviceSettings from './DeviceSettings.vue'

let hub: Hub
let backend: FakeBackend
let alice: TestUser

const DEVICES = [
  { kind: 'microphone', deviceId: 'mic-1', label: 'Desk mic' },
  { kind: 'microphone', deviceId: 'mic-2', label: 'Headset' },
  { kind: 'camera', deviceId: 'cam-1', label: 'Front camera' },
  { kind: 'camera', deviceId: 'cam-2', label: 'USB camera' },
  { kind: 'speaker', deviceId: 'spk-1', label: 'Speakers' },
  { kind: 'speaker', deviceId: 'spk-2', label: 'Headphones' },
] as const

const options = (settings: VueWrapper, testId: string) => settings.findAll(`[data-testid="${testId}"] option`).map((o) => o.text())
const selected = (settings: VueWrapper, testId: string) => (settings.find(`[data-testid="${testId}"]`).element as HTMLSelectElement).value
/** The device id a getUserMedia request of `kind` asked for last. */
function lastRequested(kind: 'audio' | 'video'): string | undefined {
  const request = [...backend.requests].reverse().find((r) => (r.constraints as MediaStreamConstraints)[kind])
  const constraint = (request?.constraints as MediaStreamConstraints | undefined)?.[kind] as MediaTrackConstraints | undefined
  return (constraint?.deviceId as { exact?: string } | undefined)?.exact
}

async function mountSettings(props: Record<string, unknown> = {}): Promise<VueWrapper> {
  const settings = await alice.show(DeviceSettings, props)
  await flush()
  return settings
}

beforeEach(async () => {
  hub = createLocalHub()
  backend = createFakeBackend({ devices: DEVICES })
  alice = await createUser(hub, 'alice', backend)
})

afterEach(() => tearDown(hub, [alice]))

describe('devices', () => {
  it('lists every device, the first of each selected', async () => {
    const settings = await mountSettings()
    expect(options(settings, 'microphone')).toEqual(['Desk mic', 'Headset'])
    expect(options(settings, 'camera')).toEqual(['Front camera', 'USB camera'])
    expect(options(settings, 'speaker')).toEqual(['Speakers', 'Headphones'])
    expect([selected(settings, 'microphone'), selected(settings, 'camera'), selected(settings, 'speaker')]).toEqual(['mic-1', 'cam-1', 'spk-1'])
  })

  it('picking a microphone selects it and moves the level test to it', async () => {
    const settings = await mountSettings()
    expect(lastRequested('audio')).toBe('mic-1')
    await settings.find('[data-testid="microphone"]').setValue('mic-2')
    await flush()
    expect(alice.use(useDeviceState).currentMicrophone.value?.deviceId).toBe('mic-2')
    expect(settings.emitted('change')).toEqual([[{ kind: 'microphone', deviceId: 'mic-2' }]])
    expect(lastRequested('audio')).toBe('mic-2')
    expect(alice.use(useDeviceState).isMicrophoneTesting.value).toBe(true)
    expect(backend.openMeters).toBe(1)
  })

  it('picking a camera selects it and moves the preview to it', async () => {
    const settings = await mountSettings()
    const preview = settings.find('[data-testid="camera-preview"]').element as HTMLElement
    const first = backend.playing(preview)
    expect(first).toBeDefined()
    await settings.find('[data-testid="camera"]').setValue('cam-2')
    await flush()
    expect(settings.emitted('change')).toEqual([[{ kind: 'camera', deviceId: 'cam-2' }]])
    expect(lastRequested('video')).toBe('cam-2')
    expect(backend.playing(preview)).not.toBe(first)
  })

  it('picking a speaker selects it', async () => {
    const settings = await mountSettings()
    await settings.find('[data-testid="speaker"]').setValue('spk-2')
    await flush()
    expect(alice.use(useDeviceState).currentSpeaker.value?.deviceId).toBe('spk-2')
    expect(settings.emitted('change')).toEqual([[{ kind: 'speaker', deviceId: 'spk-2' }]])
  })

  it('shows "No device found" and disables a select without devices', async () => {
    backend = createFakeBackend({ devices: [{ kind: 'speaker', deviceId: 'spk-1' }] })
    alice.unmount()
    alice = await createUser(hub, 'alice', backend)
    const settings = await mountSettings()
    expect(options(settings, 'camera')).toEqual(['No device found'])
    expect(settings.find('[data-testid="camera"]').attributes('disabled')).toBeDefined()
    expect(settings.find('[data-testid="camera-error"]').text()).toBe('No device detected')
  })
})

describe('meter, preview and settings', () => {
  it('the level meter follows the microphone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const settings = await mountSettings()
    const meter = settings.find('[data-testid="mic-level"]')
    expect(meter.attributes('role')).toBe('meter')
    backend.setLevel(42)
    vi.advanceTimersByTime(200)
    await nextTick()
    expect(meter.attributes('aria-valuenow')).toBe('42')
    backend.setLevel(7)
    vi.advanceTimersByTime(200)
    await nextTick()
    expect(meter.attributes('aria-valuenow')).toBe('7')
  })

  it('quality and mirror apply to the device state and the preview', async () => {
    const settings = await mountSettings()
    await settings.find('[data-testid="quality"]').setValue(String(VideoQuality.Quality1080P))
    await settings.find('[data-testid="mirror"]').setValue(String(MirrorType.Disable))
    await flush()
    const device = alice.use(useDeviceState)
    expect([device.localVideoQuality.value, device.localMirrorType.value]).toEqual([VideoQuality.Quality1080P, MirrorType.Disable])
    expect(settings.emitted('change')).toEqual([[{ kind: 'quality', quality: VideoQuality.Quality1080P }], [{ kind: 'mirror', mirror: MirrorType.Disable }]])
    expect(backend.attachments.at(-1)).toMatchObject({ mirror: false, detached: false })
    expect(selected(settings, 'quality')).toBe(String(VideoQuality.Quality1080P))
  })

  it('testMicrophone and previewCamera false start neither', async () => {
    const settings = await mountSettings({ testMicrophone: false, previewCamera: false })
    expect(settings.find('[data-testid="mic-level"]').exists()).toBe(false)
    expect(settings.find('[data-testid="camera-preview"]').exists()).toBe(false)
    expect(backend.requests).toEqual([])
  })
})

describe('errors', () => {
  it.each([
    ['deny', 'Allow access to this device in the browser'],
    ['busy', 'The device is used by another application'],
  ] as const)('a %s microphone and camera say why, and are reported', async (failure, text) => {
    backend[failure]('microphone')
    backend[failure]('camera')
    const settings = await mountSettings()
    expect(settings.find('[data-testid="microphone-error"]').text()).toBe(text)
    expect(settings.find('[data-testid="camera-error"]').text()).toBe(text)
    expect((settings.emitted('error') as [{ action: string }][]).map(([f]) => f.action).sort()).toEqual(['startCameraTest', 'startMicrophoneTest'])
  })
})

describe('accessibility, language and cleanup', () => {
  it('every select has its label', async () => {
    const settings = await mountSettings()
    const labels = settings.findAll('label').map((label) => [label.text(), settings.find(`#${CSS.escape(label.attributes('for')!)}`).attributes('data-testid')])
    expect(labels).toEqual([['Microphone', 'microphone'], ['Camera', 'camera'], ['Speaker', 'speaker'], ['Video quality', 'quality'], ['Mirror', 'mirror']])
  })

  it('switches to Simplified Chinese', async () => {
    const settings = await mountSettings()
    alice.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(settings.findAll('label').map((label) => label.text())).toEqual(['麦克风', '摄像头', '扬声器', '视频画质', '镜像'])
    expect(options(settings, 'mirror')).toEqual(['自动', '开启', '关闭'])
  })

  it('unmounting stops the microphone test and the preview', async () => {
    await mountSettings()
    const device = alice.use(useDeviceState)
    expect([device.isMicrophoneTesting.value, device.isCameraTesting.value]).toEqual([true, true])
    await alice.hide()
    expect([device.isMicrophoneTesting.value, device.isCameraTesting.value]).toEqual([false, false])
    expect(backend.openMeters).toBe(0)
    expect(backend.attachments.every((a) => a.detached)).toBe(true)
  })
})
