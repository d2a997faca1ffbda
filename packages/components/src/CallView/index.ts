export type { CallButton } from './buttons'
export { default as CallView } from './CallView.vue'
