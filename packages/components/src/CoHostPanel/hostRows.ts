import type { SeatUserInfo } from '@atomicx-vue/vue'

/**
 * The hosts to offer in the invite list: the ones already invited first, then the candidates, one row
 * per live, without lives already connected and without the own live.
 */
export function inviteRows(
  invitees: readonly SeatUserInfo[],
  candidates: readonly SeatUserInfo[],
  connected: readonly SeatUserInfo[],
  ownLiveId: string,
): SeatUserInfo[] {
  const skip = new Set([ownLiveId, ...connected.map((host) => host.liveId)])
  const rows: SeatUserInfo[] = []
  for (const host of [...invitees, ...candidates]) {
    if (skip.has(host.liveId)) continue
    skip.add(host.liveId)
    rows.push(host)
  }
  return rows
}
