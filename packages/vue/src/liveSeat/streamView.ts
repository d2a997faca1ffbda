import type { MediaEngine } from '@atomicx-vue/engine'
import type { LiveCanvas, SeatInfo } from '../types/seat'

/** What `startPlayStream` draws into its container. */
export interface StreamView {
  /** Shows the given seats: one tile per seated user with a region, placed like the mixed stream. */
  update(seats: readonly SeatInfo[], canvas: LiveCanvas): void
  /** Stops every tile's video and removes the tiles. */
  stop(): void
}

const percent = (part: number, whole: number): string => `${(part / whole) * 100}%`

/**
 * Emulates the mixed stream in the page: each seated user's camera plays in an absolutely positioned
 * child of `container` (`data-user-id` names it), so the layout matches `seatList[].region`. The own
 * tile stays empty: the own camera is a local preview (`useDeviceState`), not a remote stream.
 */
export function createStreamView(container: HTMLElement, media: MediaEngine, onError: (error: unknown) => void, me: string): StreamView {
  const tiles = new Map<string, HTMLElement>()
  if (!container.style.position) container.style.position = 'relative'

  function drop(userId: string, tile: HTMLElement): void {
    tiles.delete(userId)
    tile.remove()
    if (userId !== me) media.stopVideo(userId, 'camera').catch(onError)
  }

  return {
    update(seats, canvas) {
      const shown = new Map(seats.filter((seat) => seat.userInfo.userId && seat.region).map((seat) => [seat.userInfo.userId, seat.region!]))
      for (const [userId, tile] of tiles) if (!shown.has(userId)) drop(userId, tile)
      for (const [userId, region] of shown) {
        let tile = tiles.get(userId)
        if (!tile) {
          tile = container.ownerDocument.createElement('div')
          tile.dataset.userId = userId
          container.append(tile)
          tiles.set(userId, tile)
          if (userId !== me) media.playVideo(userId, 'camera', tile).catch(onError)
        }
        Object.assign(tile.style, {
          position: 'absolute',
          left: percent(region.x, canvas.width),
          top: percent(region.y, canvas.height),
          width: percent(region.w, canvas.width),
          height: percent(region.h, canvas.height),
          zIndex: String(region.zOrder),
        })
      }
    },
    stop() {
      for (const [userId, tile] of tiles) drop(userId, tile)
    },
  }
}
