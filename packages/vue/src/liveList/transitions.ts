import type { LiveInfoView, SeatMode, StartLiveInput, UpdateLiveInfoInput } from '@atomicx-vue/engine'
import { LiveType, SeatLayoutTemplate, type LiveInfo, type StartLiveParams, type TUISeatMode, type UpdateLiveInfoParams } from '../types/live'

const SEAT_TEMPLATES: ReadonlySet<number> = new Set(Object.values(SeatLayoutTemplate).filter((v) => typeof v === 'number'))

/** A hub live view as the public `LiveInfo`. */
export function toLiveInfo(view: LiveInfoView): LiveInfo {
  return {
    liveId: view.liveId,
    liveName: view.liveName,
    liveType: LiveType.kLive,
    liveDescription: '',
    notice: view.notice,
    categoryList: [...view.categoryList],
    coverUrl: view.coverUrl,
    backgroundUrl: view.backgroundUrl,
    liveOwner: { ...view.owner, customInfo: {} },
    currentViewerCount: view.memberCount,
    totalViewerCount: view.memberCount,
    createTime: view.createTime,
    isMessageDisable: view.isMessageDisableForAllUser,
    isGiftEnabled: view.isGiftEnabled,
    isLikeEnabled: view.isLikeEnabled,
    isPublicVisible: view.isPublicVisible,
    isSeatEnabled: true,
    keepOwnerOnSeat: true,
    seatMode: view.seatMode as number as TUISeatMode,
    maxSeatCount: view.maxSeatCount,
    layoutTemplate: view.layoutTemplate,
    activityStatus: view.activityStatus,
    customInfo: {},
    ...(SEAT_TEMPLATES.has(view.layoutTemplate) && { seatTemplate: view.layoutTemplate as SeatLayoutTemplate }),
  }
}

/** A fetched page merged into the list: cursor '' starts over, later pages append new lives only. */
export function mergeLivePage(list: readonly LiveInfo[], page: readonly LiveInfo[], cursor: string): readonly LiveInfo[] {
  if (cursor === '') return page
  const known = new Set(list.map((live) => live.liveId))
  return [...list, ...page.filter((live) => !known.has(live.liveId))]
}

/** The layout a params object asks for: `seatTemplate` wins over the plain id. */
function layoutOf(params: { seatTemplate?: number; seatLayoutTemplateId?: number; layoutTemplate?: number }): number | undefined {
  return params.seatTemplate ?? params.seatLayoutTemplateId ?? params.layoutTemplate
}

/** Info fields of `updateLiveInfo` params for the hub. */
export function updateInput(params: UpdateLiveInfoParams): UpdateLiveInfoInput {
  const { liveName, activityStatus, categoryList, coverUrl, backgroundUrl, isPublicVisible } = params
  return { liveName, activityStatus, categoryList, coverUrl, backgroundUrl, isPublicVisible, layoutTemplate: layoutOf(params) }
}

/** `startLive` params for the hub; fields it leaves out come from what `updateLiveInfo` stored before the live. */
export function startInput(params: StartLiveParams, draft: UpdateLiveInfoParams): StartLiveInput {
  const { liveId, notice, isMessageDisableForAllUser, isGiftEnabled, isLikeEnabled } = params
  return {
    liveId,
    liveName: params.liveName ?? draft.liveName,
    notice,
    coverUrl: params.coverUrl ?? draft.coverUrl,
    backgroundUrl: params.backgroundUrl ?? draft.backgroundUrl,
    categoryList: params.categoryList ?? draft.categoryList,
    activityStatus: params.activityStatus ?? draft.activityStatus,
    isPublicVisible: params.isPublicVisible ?? draft.isPublicVisible,
    isMessageDisableForAllUser,
    isGiftEnabled,
    isLikeEnabled,
    seatMode: params.seatMode as number | undefined as SeatMode | undefined,
    layoutTemplate: layoutOf(params) ?? layoutOf(draft),
  }
}
