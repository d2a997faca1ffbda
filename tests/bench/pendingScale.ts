import {
  PROTOCOL_VERSION, connectInPage, createLocalHub, createPortPair, createState, reduce,
  type ClientMessage, type Command, type Hub, type ModelState, type ServerMessage, type UserId,
} from '@atomicx-vue/engine'
import { timeApplyRound } from './round'
import { measure } from './stats'
import { micros, type BenchRow, type BenchSection } from './table'

const SMALL = 100
const LARGE = 10_000
const TARGET_RATIO = 2
const apply: Command = { type: 'coGuest.apply', seatIndex: -1, timeout: 60 }

/** A live whose owner has `pending` open applications, plus one member who has not applied yet. */
function roomWithPending(pending: number): { state: ModelState; newcomer: UserId } {
  let state = createState()
  const run = (actor: UserId, command: Command) => {
    const result = reduce(state, command, { actor, now: 0 })
    if (!result.ok) throw new Error(`${command.type} by ${actor}: ${result.error.message}`)
    state = result.state
  }
  run('owner', { type: 'user.login' })
  run('owner', { type: 'live.start', liveId: 'bench' })
  for (let i = 0; i <= pending; i++) {
    run(`u${i}`, { type: 'user.login' })
    run(`u${i}`, { type: 'live.join', liveId: 'bench' })
    if (i < pending) run(`u${i}`, apply)
  }
  return { state, newcomer: `u${pending}` }
}

/** One more application on the pure model (state reused: reduce never changes it). */
async function modelApply(pending: number): Promise<number> {
  const { state, newcomer } = roomWithPending(pending)
  const batch = 100 // one reduce is close to the timer's grain
  const latency = await measure(() => {
    const startedAt = performance.now()
    for (let i = 0; i < batch; i++) reduce(state, apply, { actor: newcomer, now: 1 })
    return (performance.now() - startedAt) / batch
  })
  return latency.p50
}

/**
 * A connected member who joins and applies, then ignores what the hub pushes: each join is told to
 * every member, so filling a room costs O(n²) messages, and a full Session per member would make
 * that setup many times slower without changing what is measured.
 */
function connectApplicant(hub: Hub, userId: UserId): Promise<void> {
  const [port, hubSide] = createPortPair<ServerMessage, ClientMessage>()
  hub.accept(hubSide)
  return new Promise((resolve, reject) => {
    port.onMessage((message) => {
      if (message.kind !== 'response') return
      if (!message.ok) reject(new Error(`${userId}: ${message.error.message}`))
      else if (message.id === 2) resolve()
    })
    port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId })
    port.send({ kind: 'request', id: 1, command: { type: 'live.join', liveId: 'bench' } })
    port.send({ kind: 'request', id: 2, command: apply })
  })
}

/** One more application through the in-page hub, every applicant connected; also how long filling the room took. */
async function hubApply(pending: number): Promise<{ p50: number; setupMs: number }> {
  const startedAt = performance.now()
  const hub = createLocalHub()
  const owner = await connectInPage(hub, { userId: 'owner' })
  await owner.request({ type: 'live.start', liveId: 'bench' })
  for (let i = 0; i < pending; i++) await connectApplicant(hub, `u${i}`)
  const guest = await connectInPage(hub, { userId: 'guest' })
  await guest.request({ type: 'live.join', liveId: 'bench' })
  const setupMs = performance.now() - startedAt
  const latency = await timeApplyRound(owner, guest)
  hub.dispose()
  return { p50: latency.p50, setupMs }
}

function compare(where: string, small: number, large: number): BenchRow[] {
  const ratio = large / small
  return [
    { metric: `${where}: p50 with ${SMALL} pending`, value: micros(small) },
    { metric: `${where}: p50 with ${LARGE.toLocaleString('en')} pending`, value: micros(large) },
    { metric: `${where}: ratio`, value: ratio.toFixed(2), target: `≤ ${TARGET_RATIO}`, meets: ratio <= TARGET_RATIO },
  ]
}

/** Does one more application cost the same however many are already pending? */
export const pendingScale: BenchSection = {
  name: 'pending',
  title: `One more coGuest.apply with ${SMALL} vs ${LARGE.toLocaleString('en')} applications pending`,
  async run() {
    const model = compare('model', await modelApply(SMALL), await modelApply(LARGE))
    const small = await hubApply(SMALL)
    const large = await hubApply(LARGE)
    return [
      ...model,
      ...compare('hub', small.p50, large.p50),
      // every join is told to every member: filling a room is O(n²) messages
      { metric: `hub: filling the room with ${LARGE.toLocaleString('en')} applicants (setup)`, value: `${(large.setupMs / 1000).toFixed(1)} s` },
    ]
  },
}
