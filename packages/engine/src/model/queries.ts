import { ErrorCode } from '../errors'
import { isHost, requireInRoom, requireRoom, requireUser } from './access'
import { battleSessionView } from './battle'
import { coHostCandidates, coHostSessionView } from './coHost'
import { createTx, fail, requireInteger, requireString, shown, type Tx } from './tx'
import type {
  Context, LiveId, LiveSessionView, ModelState, QueryOf, QueryResultMap, QueryType, SessionView, UserId,
} from './types'
import { applicationView, invitationView, liveInfoView, memberView, profileOf, seatViews, toApplicationView, toInvitationView } from './views'

/** Page size when a query gives none, and the largest allowed. */
export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

interface Page {
  readonly from: number
  readonly count: number
}

/** A page request. A cursor is the sequence number of the next item, so it stays valid when earlier items go. */
function requirePage(cursor: unknown, count: unknown): Page {
  if (cursor !== undefined && (typeof cursor !== 'string' || !/^\d*$/.test(cursor))) {
    fail(ErrorCode.INVALID_ARGUMENT, 'cursor must be "" (first page) or the cursor of the previous page')
  }
  const size = count === undefined ? DEFAULT_PAGE_SIZE : requireInteger(count, 'count')
  if (size < 1 || size > MAX_PAGE_SIZE) fail(ErrorCode.INVALID_ARGUMENT, `count must be 1–${MAX_PAGE_SIZE}, got ${size}`)
  return { from: cursor ? Number(cursor) : 0, count: size }
}

/** One page of `items` (in sequence order); the cursor is '' when nothing follows. */
function pageOf<T extends { readonly seq: number }, V>(items: Iterable<T>, page: Page, view: (item: T) => V): { list: V[]; cursor: string } {
  const list: V[] = []
  for (const item of items) {
    if (item.seq < page.from) continue
    if (list.length === page.count) return { list, cursor: String(item.seq) }
    list.push(view(item))
  }
  return { list, cursor: '' }
}

function liveSessionView(state: ModelState, liveId: LiveId, userId: UserId): LiveSessionView {
  const room = state.rooms.get(liveId)!
  const member = room.members.get(userId)!
  // hosts answer requests, so they see all of them; everybody else sees only their own
  const host = isHost(member)
  const own = <V>(view: V | null): V[] => (view ? [view] : [])
  return {
    info: liveInfoView(state, room),
    role: member.role,
    isMessageDisabled: member.isMessageDisabled,
    seats: seatViews(state, room),
    applications: host
      ? room.applications.valueSeq().map((application) => toApplicationView(state, liveId, application)).toArray()
      : own(applicationView(state, room, userId)),
    invitations: host
      ? room.invitations.valueSeq().map((invitation) => toInvitationView(state, liveId, invitation)).toArray()
      : own(invitationView(state, room, userId)),
    ...coHostSessionView(state, liveId, userId),
    ...battleSessionView(state, liveId, userId),
    metadata: room.metadata,
  }
}

/** Everything a logged-in user may see: their profile and, if they are in one, their live. */
export function sessionView(state: ModelState, userId: UserId): SessionView {
  const liveId = state.users.get(userId)?.liveId
  return { user: profileOf(state, userId), live: liveId ? liveSessionView(state, liveId, userId) : null }
}

type Runners = { readonly [T in QueryType]: (tx: Tx, query: QueryOf<T>) => QueryResultMap[T] }

const runners: Runners = {
  'session.view': (tx) => sessionView(tx.state, requireUser(tx).userId),

  'live.list': (tx, { cursor, count }) => {
    requireUser(tx)
    const lives = tx.state.rooms.valueSeq().filter((room) => room.info.isPublicVisible)
    return pageOf(lives, requirePage(cursor, count), (room) => liveInfoView(tx.state, room))
  },

  'live.info': (tx, { liveId }) => {
    requireUser(tx)
    return liveInfoView(tx.state, requireRoom(tx.state, requireString(liveId, 'liveId')))
  },

  'live.metadata': (tx, { keys }) => {
    const { metadata } = requireInRoom(tx).room
    if (keys === undefined) return metadata
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) fail(ErrorCode.INVALID_ARGUMENT, 'keys must be an array of strings')
    return Object.fromEntries(keys.filter((key) => Object.hasOwn(metadata, key)).map((key) => [key, metadata[key]!]))
  },

  'member.list': (tx, { cursor, count }) => {
    const { room } = requireInRoom(tx)
    return { ...pageOf(room.members.values(), requirePage(cursor, count), (member) => memberView(tx.state, member)), total: room.members.size }
  },

  'coHost.candidates': (tx, { cursor, count }) => coHostCandidates(tx.state, tx.ctx, cursor, count),
}

/** Answers a read-only query for `ctx.actor`; refuses (throws a `Refusal`) like a command would. */
export function runQuery<T extends QueryType>(state: ModelState, query: QueryOf<T>, ctx: Context): QueryResultMap[T] {
  const type: unknown = query && typeof query === 'object' ? query.type : query
  if (typeof type !== 'string' || !Object.hasOwn(runners, type)) fail(ErrorCode.INVALID_ARGUMENT, `Unknown query "${shown(type)}"`)
  const runner = runners[type as T] as (tx: Tx, q: QueryOf<T>) => QueryResultMap[T]
  return runner(createTx(state, ctx), query)
}
