export { default as CoGuestControl } from './CoGuestControl.vue'
