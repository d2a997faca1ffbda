import type { SeatView } from '@atomicx-vue/engine'
import type { LiveCanvas, RegionInfo } from '../types/seat'

/** Layouts that keep a region for every seat, occupied or not (the others show occupied seats only). */
const FIXED: ReadonlySet<number> = new Set([800, 801, 200, 400])
/** Layouts with the owner full screen and guests floating over it. */
const FLOAT: ReadonlySet<number> = new Set([601, 801])

/** The canvas of a layout: landscape for templates 200–599, portrait otherwise. */
export function canvasOf(layoutTemplate: number): LiveCanvas {
  const landscape = layoutTemplate >= 200 && layoutTemplate < 600
  return { width: landscape ? 1280 : 720, height: landscape ? 720 : 1280, background: '#000000' }
}

/** Small tiles of a float layout: two columns, bottom-up from the bottom right corner. */
function floatTile(canvas: LiveCanvas, k: number): RegionInfo {
  const w = canvas.width / 4
  const h = canvas.height / 4
  return { x: canvas.width - (2 - (k % 2)) * w, y: canvas.height - (Math.floor(k / 2) + 1) * h, w, h, zOrder: 1 }
}

/**
 * Where each shown seat is drawn, by seat index, in canvas pixels: a grid (as square as the count
 * allows) or, for the float layouts, the first seat full canvas and the others floating.
 */
export function seatRegions(layoutTemplate: number, seats: readonly SeatView[], canvas: LiveCanvas): ReadonlyMap<number, RegionInfo> {
  const shown = FIXED.has(layoutTemplate) ? seats : seats.filter((seat) => seat.user)
  const regions = new Map<number, RegionInfo>()
  if (FLOAT.has(layoutTemplate)) {
    shown.forEach((seat, k) => regions.set(seat.index, k === 0 ? { x: 0, y: 0, w: canvas.width, h: canvas.height, zOrder: 0 } : floatTile(canvas, k - 1)))
    return regions
  }
  const cols = Math.max(1, Math.ceil(Math.sqrt(shown.length)))
  const w = canvas.width / cols
  const h = canvas.height / Math.max(1, Math.ceil(shown.length / cols))
  shown.forEach((seat, k) => regions.set(seat.index, { x: (k % cols) * w, y: Math.floor(k / cols) * h, w, h, zOrder: 0 }))
  return regions
}
