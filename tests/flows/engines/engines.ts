import { makeLocal } from './local'
import type { MakeStage } from './stage'
import { makeTrtc } from './trtc'

/** The media engines every flow of this folder runs on: `describe.each(ENGINES)`. */
export const ENGINES: Array<[name: string, makeStage: MakeStage]> = [['local', makeLocal], ['trtc', makeTrtc]]
