import { useLoginState } from 'tuikit-atomicx-vue3'
import { inject } from 'vue'
import type { Person } from '../cast'
import { credentialsKey } from '../UserApp'

/** `login()` as `person`, with the credentials the page's mode needs (TRTC: a userSig from the developer's server). */
export function useSignIn(): (person: Person) => Promise<void> {
  const { login } = useLoginState()
  const credentials = inject(credentialsKey)
  if (!credentials) throw new Error('useSignIn needs a user app of the stage (UserApp provides the credentials)')
  return async ({ userId, userName }) => login({ userId, userName, ...(await credentials(userId)) })
}
