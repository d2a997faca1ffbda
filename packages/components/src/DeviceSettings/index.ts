export type { DeviceSettingChange } from './change'
export { default as DeviceSettings } from './DeviceSettings.vue'
