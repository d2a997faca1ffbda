/**
 * The icons `Icon` draws: SVG path data on a 24×24 grid, stroked in `currentColor`. Drawn, not emoji: many
 * systems (headless Chromium, Linux desktops) have no emoji font and show "□" instead.
 */
export const ICONS = {
  mic: ['M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  micOff: ['M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3', 'M4 3l16 18'],
  camera: ['M4 6h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z', 'M15 10l6-3v10l-6-3'],
  cameraOff: ['M4 6h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z', 'M15 10l6-3v10l-6-3', 'M2 3l18 18'],
  speaker: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9a4 4 0 0 1 0 6', 'M18.5 6a8 8 0 0 1 0 12'],
  speakerOff: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9l5 6', 'M21 9l-5 6'],
  phone: ['M5 3h3.5l2 5-2.5 1.5a11 11 0 0 0 5.5 5.5l1.5-2.5 5 2V18a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
  hangup: ['M3 14v-2c2.5-2 5.5-3 9-3s6.5 1 9 3v2l-4.5 1-.5-3a11 11 0 0 0-8 0l-.5 3z'],
  userPlus: ['M12.5 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0z', 'M3 20a6 6 0 0 1 12 0', 'M19 8v6', 'M16 11h6'],
  minimize: ['M5 12h14'],
  lock: ['M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z', 'M8 11V7a4 4 0 0 1 8 0v4'],
} as const satisfies Record<string, readonly string[]>

/** The name of an icon in `ICONS`. */
export type IconName = keyof typeof ICONS
