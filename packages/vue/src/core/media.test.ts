// `createAtomicx({ media: { kind: 'trtc', sdkAppId, load } })`: the app's own `load` brings the SDK in
// lazily (the fake cloud's here), on the first use of a user's media.
import { createLocalHub } from '@atomicx-vue/engine'
import { expect, it, vi } from 'vitest'
import { createFakeCloud } from '../../../../tests/fakes/trtc'
import { useDeviceState } from '../device'
import { useLoginState } from '../login'
import { createTestUser, flush } from './testing'

it('a TRTC load runs on the first media use, once per login: not at install, not at login', async () => {
  const hub = createLocalHub()
  const cloud = createFakeCloud()
  const load = vi.fn(async () => ({ TRTC: cloud.TRTC, CrossRoom: cloud.CrossRoom }))
  const user = await createTestUser(hub, 'alice', { login: false, media: { kind: 'trtc', sdkAppId: 1400000001, load } })
  const login = () => user.use(useLoginState).login({ userId: 'alice', userName: 'Alice', userSig: 'sig' })
  await flush()
  expect(load).not.toHaveBeenCalled()
  await login()
  await flush()
  expect(load).not.toHaveBeenCalled()

  const devices = user.use(useDeviceState)
  const [cameras, microphones] = await Promise.all([devices.getCameraList(), devices.getMicrophoneList()])
  expect([cameras, microphones].map((list) => list.map((d) => d.deviceId))).toEqual([['camera-1'], ['mic-1']])
  await devices.getSpeakerList()
  expect(load).toHaveBeenCalledTimes(1)

  // a new login makes a new media engine, which loads for itself
  await user.use(useLoginState).logout()
  await login()
  expect(load).toHaveBeenCalledTimes(1)
  await devices.getCameraList()
  expect(load).toHaveBeenCalledTimes(2)
  user.unmount()
  await flush()
  expect(load).toHaveBeenCalledTimes(2)
  hub.dispose()
})
