import { createLocalHub } from '@atomicx-vue/engine'
import * as trtcImports from 'virtual:trtc-sdk'
import { createApp } from 'vue'
import { fetchUserSig, loadTrtc, parseMode, type ParsedMode } from './mode'
import Stage from './Stage.vue'
import { setupKey, type StageSetup } from './UserApp'
import './style.css'

/** The user apps' setup in `mode`; rejects with what keeps the page from starting (bad URL, no SDK). */
async function setupOf(mode: ParsedMode): Promise<StageSetup> {
  if (mode.kind === 'invalid') throw new Error(mode.error)
  // ONE embedded hub for the whole page: the apps of the stage are users of the same rooms, in both modes.
  const hub = createLocalHub()
  if (mode.kind === 'local') return { hub, media: 'local', credentials: async () => ({}) }
  const { sdkAppId, userSigUrl } = mode
  const { TRTC, CrossRoom } = await loadTrtc(trtcImports)
  const credentials = async (userId: string) => ({ sdkAppId, userSig: await fetchUserSig(userSigUrl, userId) })
  return { hub, media: { kind: 'trtc', sdkAppId, TRTC, CrossRoom }, credentials }
}

/** Mounts the stage with its users, or with why they could not start. */
async function start(): Promise<void> {
  const mode = parseMode(location.search)
  let setup: StageSetup | undefined
  let error: string | undefined
  try {
    setup = await setupOf(mode)
  } catch (reason) {
    error = reason instanceof Error ? reason.message : String(reason)
  }
  const app = createApp(Stage, { mode, error })
  if (setup) app.provide(setupKey, setup)
  app.mount('#app')
}

void start()
