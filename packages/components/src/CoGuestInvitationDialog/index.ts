export { default as CoGuestInvitationDialog } from './CoGuestInvitationDialog.vue'
