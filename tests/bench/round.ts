import type { Session } from '@atomicx-vue/engine'
import type { Statistics } from 'tinybench'
import { measure } from './stats'

/**
 * Times one co-guest round through a hub: from the guest sending `coGuest.apply` to the owner's
 * session emitting `coGuest.applicationAdded`. Cancels after each sample, outside the timing.
 */
export async function timeApplyRound(owner: Session, guest: Session, time?: number): Promise<Statistics> {
  let heard: (() => void) | null = null
  let heardAt = 0
  const off = owner.onEvent((event) => {
    if (event.type === 'coGuest.applicationAdded' && event.application.user.userId === guest.userId) {
      heardAt = performance.now()
      heard?.()
    }
  })
  try {
    return await measure(async () => {
      const arrived = new Promise<void>((resolve) => (heard = resolve))
      const sentAt = performance.now()
      await Promise.all([arrived, guest.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 0 })])
      return heardAt - sentAt
    }, { afterEach: () => guest.request({ type: 'coGuest.cancelApplication' }) }, time)
  } finally {
    off()
  }
}
