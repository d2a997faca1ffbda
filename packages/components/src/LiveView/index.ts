export { default as LiveView } from './LiveView.vue'
