import { useCoGuestState, useLiveAudienceState, useLiveListState, useLoginState, TUIRole } from '@atomicx-vue/vue'
import { computed, type ComputedRef } from 'vue'

/** Who the logged-in user is in the current live. */
export interface Self {
  /** '' when logged out */
  readonly userId: ComputedRef<string>
  readonly isOwner: ComputedRef<boolean>
  /** owner or administrator */
  readonly isHost: ComputedRef<boolean>
  /** on one of the live's seats */
  readonly isSeated: ComputedRef<boolean>
}

/** The logged-in user's standing in the current live, from the public composables. */
export function useSelf(): Self {
  const { loginUserInfo } = useLoginState()
  const { currentLive } = useLiveListState()
  const { audienceList } = useLiveAudienceState()
  const { connected } = useCoGuestState()
  const userId = computed(() => loginUserInfo.value?.userId ?? '')
  const isOwner = computed(() => !!userId.value && currentLive.value?.liveOwner.userId === userId.value)
  const isAdmin = computed(() => audienceList.value.some((member) => member.userId === userId.value && member.userRole === TUIRole.kAdministrator))
  return {
    userId,
    isOwner,
    isHost: computed(() => isOwner.value || isAdmin.value),
    isSeated: computed(() => connected.value.some((user) => user.userId === userId.value)),
  }
}
