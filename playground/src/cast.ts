/** One simulated person of the stage: each gets its own Vue app, so its own stores and session. */
export interface Person {
  readonly userId: string
  readonly userName: string
}

/** A live room and its owner. */
export interface Room {
  readonly liveId: string
  readonly liveName: string
  readonly host: Person
}

/** The room the audience watches and applies to. */
export const ROOM_1: Room = { liveId: 'live1', liveName: 'Morning show', host: { userId: 'host1', userName: 'Host One' } }

/** The second room, whose host connects to room 1 (co-host) and battles it. */
export const ROOM_2: Room = { liveId: 'live2', liveName: 'Evening show', host: { userId: 'host2', userName: 'Host Two' } }

/** Audience of room 1. */
export const AUDIENCE: readonly Person[] = [
  { userId: 'audience1', userName: 'Alice' },
  { userId: 'audience2', userName: 'Bob' },
  { userId: 'audience3', userName: 'Carol' },
]

/** The two users of the calls section (not in any live). */
export const CALLERS: readonly [Person, Person] = [
  { userId: 'caller1', userName: 'Dave' },
  { userId: 'caller2', userName: 'Erin' },
]
