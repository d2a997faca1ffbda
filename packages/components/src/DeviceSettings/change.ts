import type { MirrorType, VideoQuality } from '@atomicx-vue/vue'

/** A setting `DeviceSettings` applied, as its `change` event reports it. */
export type DeviceSettingChange =
  | { readonly kind: 'microphone' | 'camera' | 'speaker'; readonly deviceId: string }
  | { readonly kind: 'quality'; readonly quality: VideoQuality }
  | { readonly kind: 'mirror'; readonly mirror: MirrorType }
