export { default as CoGuestPanel } from './CoGuestPanel.vue'
export type { CoGuestPanelTab } from './tabs'
