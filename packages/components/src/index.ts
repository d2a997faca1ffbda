// The public API of @atomicx-vue/components. The theme's variables ship in the package's style.css.
import './theme.css'

export * from './CallView'
export * from './CoGuestControl'
export * from './CoGuestInvitationDialog'
export * from './CoGuestPanel'
export * from './CoHostPanel'
export * from './DeviceSettings'
export * from './i18n'
export * from './LiveView'
export type { ActionFailure } from './shared/errors'
