export { default as CoHostPanel } from './CoHostPanel.vue'
