/** The tabs of `CoGuestPanel`, in order. */
export const COGUEST_PANEL_TABS = ['applications', 'coGuests', 'invite'] as const

/** A tab of `CoGuestPanel`. */
export type CoGuestPanelTab = (typeof COGUEST_PANEL_TABS)[number]
