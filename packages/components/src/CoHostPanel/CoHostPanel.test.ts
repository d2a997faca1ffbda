import { CoHostStatus, useAtomicxClient, useBattleState, useCoHostState, useLiveListState } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { createUser, flush, tearDown, type TestUser } from '../testing/harness'
import CoHostPanel from './CoHostPanel.vue'

let hub: Hub
let hostA: TestUser
let hostB: TestUser
let hostC: TestUser

const rows = (panel: VueWrapper) => panel.findAll('[data-testid^="host-"]').map((row) => row.attributes('data-testid'))
const within = (panel: VueWrapper, section: string, testId: string) => panel.find(`[data-testid="${section}"] [data-testid="${testId}"]`)

async function click(panel: VueWrapper, section: string, testId: string): Promise<void> {
  await within(panel, section, testId).trigger('click')
  await flush()
}

async function startLive(userId: string, liveId: string): Promise<TestUser> {
  const user = await createUser(hub, userId, createFakeBackend())
  await user.use(useLiveListState).startLive({ liveId, liveName: liveId })
  return user
}

/** hostA's request to liveB, accepted by hostB. */
async function connectAB(): Promise<void> {
  await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
  await flush()
  await hostB.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
  await flush()
}

beforeEach(async () => {
  hub = createLocalHub()
  hostA = await startLive('hostA', 'liveA')
  hostB = await startLive('hostB', 'liveB')
  hostC = await startLive('hostC', 'liveC')
  await flush()
})

afterEach(() => tearDown(hub, [hostA, hostB, hostC]))

describe('showing', () => {
  it('renders nothing while hidden; shown, it is a modal dialog listing the other lives', async () => {
    const hidden = await hostA.show(CoHostPanel)
    expect(hidden.find('[role="dialog"]').exists()).toBe(false)
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    const dialog = panel.find('[role="dialog"]')
    expect(dialog.attributes('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.attributes('aria-labelledby')!)?.textContent).toBe('CoHost')
    expect(panel.find('[data-testid="candidates"] h3').text()).toBe('Recommend hosts')
    expect(rows(panel)).toEqual(['host-liveB', 'host-liveC'])
    expect(panel.find('[data-testid="host-liveB"] .name').text()).toBe('Name of hostB Live liveB')
  })

  it('Escape and the close button ask to hide it; the focus moves into it when shown', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true })
    expect(document.activeElement).toBe(panel.find('[data-testid="close"]').element)
    await panel.find('[role="dialog"]').trigger('keydown', { key: 'Escape' })
    await panel.find('[data-testid="close"]').trigger('click')
    expect(panel.emitted('update:visible')).toEqual([[false], [false]])
    expect(panel.find('[data-testid="close"]').attributes('aria-label')).toBe('Close')
  })

  it('Refresh loads a live started after it opened; Load more pages through the candidates', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    const more: TestUser[] = []
    for (let i = 0; i < 20; i++) more.push(await startLive(`host${i}`, `live${i}`))
    expect(rows(panel)).toHaveLength(2)
    await click(panel, 'candidates', 'refresh')
    expect(rows(panel)).toHaveLength(20) // one page
    await click(panel, 'candidates', 'load-more')
    expect(rows(panel)).toHaveLength(22)
    expect(panel.find('[data-testid="load-more"]').exists()).toBe(false)
    for (const user of more) user.unmount()
  })
})

describe('outgoing requests', () => {
  it('Invite connection sends a request shown with a countdown; Cancel invitation withdraws it', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true, requestTimeout: 25 })
    await flush()
    await click(panel, 'host-liveB', 'request')
    expect(panel.emitted('request')).toEqual([['liveB']])
    expect(hostB.use(useCoHostState).applicant.value?.liveId).toBe('liveA')
    expect(within(panel, 'host-liveB', 'cancel').text()).toBe('Cancel invitation')
    expect(panel.find('[data-testid="host-liveB"] [role="timer"]').text()).toBe('25s')

    await click(panel, 'host-liveB', 'cancel')
    expect(panel.emitted('cancel')).toEqual([['liveB']])
    expect(hostB.use(useCoHostState).applicant.value).toBeNull()
    expect(within(panel, 'host-liveB', 'request').exists()).toBe(true)
  })

  it('counts a request sent elsewhere down to its own deadline, not requestTimeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const panel = await hostA.show(CoHostPanel, { visible: true, requestTimeout: 25 })
    await flush()
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveC', timeout: 60 })
    await flush()
    vi.advanceTimersByTime(3_000)
    await nextTick()
    expect(panel.find('[data-testid="host-liveC"] [role="timer"]').text()).toBe('57s')
  })

  it('a rejection shows as a status line', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    await click(panel, 'host-liveB', 'request')
    await hostB.use(useCoHostState).rejectHostConnection({ liveId: 'liveA' })
    await flush()
    expect(panel.find('[role="status"]').text()).toBe('Name of hostB rejected your connection')
  })

  it('refused with a connection code: the message says why', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    await hostC.use(useLiveListState).endLive()
    await click(panel, 'host-liveC', 'request')
    expect(panel.find('[role="alert"]').text()).toContain('The live does not exist')
    expect(panel.emitted('error')![0]).toMatchObject([{ action: 'requestHostConnection', error: { code: 1 } }])
    expect(panel.emitted('request')).toBeUndefined()
  })

  it('a host already connected elsewhere: "connecting with another live"', async () => {
    await hostB.use(useCoHostState).requestHostConnection({ liveId: 'liveC', timeout: 0 })
    await flush()
    await hostC.use(useCoHostState).acceptHostConnection({ liveId: 'liveB' })
    await flush()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    await click(panel, 'host-liveB', 'request')
    expect(panel.find('[role="alert"]').text()).toContain('This host is connecting with another live')
  })

  it('100402: a request waiting for my answer blocks mine', async () => {
    await hostC.use(useCoHostState).requestHostConnection({ liveId: 'liveA', timeout: 0 })
    await flush()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    await click(panel, 'host-liveB', 'request')
    expect(panel.find('[role="alert"]').text()).toContain('You have a pending invitation to handle')
  })
})

describe('incoming requests', () => {
  it('ask to show the panel, then offer Accept with a countdown', async () => {
    const hidden = await hostB.show(CoHostPanel)
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 20 })
    await flush()
    expect(hidden.emitted('update:visible')).toEqual([[true]])
    const panel = await hostB.show(CoHostPanel, { visible: true })
    expect(panel.find('[data-testid="incoming"] .name').text()).toBe('Name of hostA invites you to connect')
    expect(panel.find('[data-testid="incoming"] [role="timer"]').text()).toBe('20s')

    await click(panel, 'incoming', 'accept')
    expect(panel.emitted('accept')).toEqual([['liveA']])
    expect(hostA.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    expect(panel.find('[data-testid="incoming"]').exists()).toBe(false)
    expect(document.getElementById(panel.find('[role="dialog"]').attributes('aria-labelledby')!)?.textContent).toBe('Anchor connecting...')
    expect(panel.find('[data-testid="connected"] h3').text()).toBe('Current seat (2)')
    expect(panel.find('[data-testid="connected-liveB"] .name').text()).toBe('Name of hostB (Me)')
    expect(panel.find('[data-testid="candidates"] h3').text()).toBe('Invite more')
    expect(rows(panel)).toEqual(['host-liveC'])
  })

  it('counts down to the request\'s own deadline, also one that arrived before the panel showed; none without one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 50 })
    await flush()
    vi.advanceTimersByTime(8_000)
    const panel = await hostB.show(CoHostPanel, { visible: true })
    expect(panel.find('[data-testid="incoming"] [role="timer"]').text()).toBe('42s')
    await hostA.use(useCoHostState).cancelHostConnection({ liveId: 'liveB' })
    await hostC.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
    await flush()
    expect(panel.find('[data-testid="incoming"] .name').text()).toBe('Name of hostC invites you to connect')
    expect(panel.find('[data-testid="incoming"] [role="timer"]').exists()).toBe(false)
  })

  it('openOnRequest false keeps it hidden', async () => {
    const hidden = await hostB.show(CoHostPanel, { openOnRequest: false })
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
    await flush()
    expect(hidden.emitted('update:visible')).toBeUndefined()
  })

  it('Reject answers no', async () => {
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
    await flush()
    const panel = await hostB.show(CoHostPanel, { visible: true })
    await click(panel, 'incoming', 'reject')
    expect(panel.emitted('reject')).toEqual([['liveA']])
    expect(hostA.use(useCoHostState).invitees.value).toEqual([])
    expect(panel.find('[data-testid="incoming"]').exists()).toBe(false)
  })
})

describe('incoming battle requests', () => {
  const askB = async (timeout: number) => {
    const config = { duration: 60, needResponse: true, extensionInfo: '' }
    const { battleId } = await hostA.use(useBattleState).requestBattle({ config, userIdList: ['hostB'], timeout })
    await flush()
    return battleId
  }

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await connectAB()
  })

  it('ask to show the panel, then offer Accept with a countdown to the request\'s deadline; Accept starts the battle', async () => {
    const hidden = await hostB.show(CoHostPanel)
    const battleId = await askB(20)
    expect(hidden.emitted('update:visible')).toEqual([[true]])
    vi.advanceTimersByTime(5_000)
    const panel = await hostB.show(CoHostPanel, { visible: true })
    expect(panel.find('[data-testid="incoming-battle"] .name').text()).toBe('Name of hostA invites you to a battle')
    expect(panel.find('[data-testid="incoming-battle"] [role="timer"]').text()).toBe('15s')
    expect(panel.find('[data-testid="incoming-battle"] [role="timer"]').attributes('aria-live')).toBe('polite')

    await click(panel, 'incoming-battle', 'accept')
    expect(panel.emitted('battle-accept')).toEqual([[battleId]])
    expect(hostB.use(useBattleState).currentBattleInfo.value?.battleId).toBe(battleId)
    expect(panel.find('[data-testid="incoming-battle"]').exists()).toBe(false)
    expect(panel.find('[data-testid="battle"]').exists()).toBe(true)
  })

  it('Reject answers no', async () => {
    const battleId = await askB(20)
    const panel = await hostB.show(CoHostPanel, { visible: true })
    await click(panel, 'incoming-battle', 'reject')
    expect(panel.emitted('battle-reject')).toEqual([[battleId]])
    expect(panel.find('[data-testid="incoming-battle"]').exists()).toBe(false)
    expect(hostA.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })

  it('closes when the inviter cancels it, and when it times out; no timer is left', async () => {
    const before = vi.getTimerCount()
    const panel = await hostB.show(CoHostPanel, { visible: true })
    const battleId = await askB(20)
    expect(panel.find('[data-testid="incoming-battle"]').exists()).toBe(true)
    await hostA.use(useBattleState).cancelBattleRequest({ battleId, userIdList: ['hostB'] })
    await flush()
    expect(panel.find('[data-testid="incoming-battle"]').exists()).toBe(false)
    await askB(5)
    expect(vi.getTimerCount()).toBe(before + 2) // the request's expiry in the hub, the countdown
    vi.advanceTimersByTime(5_000)
    await flush()
    expect(panel.find('[data-testid="incoming-battle"]').exists()).toBe(false)
    expect(vi.getTimerCount()).toBe(before)
  })

  it('speaks Simplified Chinese', async () => {
    await askB(0)
    const panel = await hostB.show(CoHostPanel, { visible: true })
    hostB.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(panel.find('[data-testid="incoming-battle"] .name').text()).toBe('Name of hostA 邀请你 PK')
    expect(panel.find('[data-testid="incoming-battle"] [role="timer"]').exists()).toBe(false)
    await click(panel, 'connected', 'exit')
    expect(panel.find('[data-testid="confirm-exit-dialog"] p').text()).toBe('确定断开与其他主播的连线吗？')
    expect(within(panel, 'confirm-exit-dialog', 'confirm-exit').text()).toBe('断开连线')
  })
})

describe('connected', () => {
  it('Mute audio toggles a partner live', async () => {
    await connectAB()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    expect(within(panel, 'connected-liveA', 'mute').exists()).toBe(false)
    await click(panel, 'connected-liveB', 'mute')
    expect(hostA.use(useCoHostState).mutedHosts.value).toEqual(['liveB'])
    expect(within(panel, 'connected-liveB', 'mute').text()).toBe('Unmute audio')
    expect(within(panel, 'connected-liveB', 'mute').attributes('aria-pressed')).toBe('true')
    await click(panel, 'connected-liveB', 'mute')
    expect(hostA.use(useCoHostState).mutedHosts.value).toEqual([])
    expect(panel.emitted('mute')).toEqual([['liveB', true], ['liveB', false]])
  })

  it('Exit connection asks first; confirmed, it disconnects both and offers the partner again', async () => {
    await connectAB()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await click(panel, 'connected', 'exit')
    const confirm = panel.find('[data-testid="confirm-exit-dialog"]')
    expect(confirm.attributes('role')).toBe('alertdialog')
    expect(document.getElementById(confirm.attributes('aria-describedby')!)?.textContent).toBe('Exit the connection with the other hosts?')
    expect(hostB.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    expect(panel.emitted('exit')).toBeUndefined()
    await click(panel, 'confirm-exit-dialog', 'confirm-exit')
    await flush()
    expect(panel.emitted('exit')).toEqual([[]])
    expect(hostB.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Disconnected)
    expect(panel.find('[data-testid="connected"]').exists()).toBe(false)
    expect(rows(panel)).toEqual(['host-liveB', 'host-liveC'])
  })

  it('Cancel or Escape closes only the confirmation: still connected, the panel stays, the focus goes back to Exit', async () => {
    await connectAB()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    const exitButton = within(panel, 'connected', 'exit')
    ;(exitButton.element as HTMLElement).focus()
    await exitButton.trigger('click')
    await nextTick()
    expect(document.activeElement).toBe(within(panel, 'confirm-exit-dialog', 'cancel-exit').element)
    await click(panel, 'confirm-exit-dialog', 'cancel-exit')
    expect(panel.find('[data-testid="confirm-exit-dialog"]').exists()).toBe(false)
    expect(document.activeElement).toBe(exitButton.element)

    await exitButton.trigger('click')
    await nextTick()
    await panel.find('[data-testid="confirm-exit-dialog"]').trigger('keydown', { key: 'Escape' })
    await nextTick()
    expect(panel.find('[data-testid="confirm-exit-dialog"]').exists()).toBe(false)
    expect(panel.emitted('update:visible')).toBeUndefined()
    expect(hostA.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    expect(panel.emitted('exit')).toBeUndefined()
  })

  it('the confirmation goes away when the connection ends another way', async () => {
    await connectAB()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await click(panel, 'connected', 'exit')
    await hostB.use(useCoHostState).exitHostConnection()
    await flush()
    expect(panel.find('[data-testid="confirm-exit-dialog"]').exists()).toBe(false)
    await connectAB()
    expect(panel.find('[data-testid="connected"]').exists()).toBe(true)
    expect(panel.find('[data-testid="confirm-exit-dialog"]').exists()).toBe(false)
  })

  it('Start battle runs a battle with its time left and scores; Exit battle leaves it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    await connectAB()
    const panel = await hostA.show(CoHostPanel, { visible: true, battleDuration: 120 })
    await click(panel, 'connected', 'start-battle')
    const { battleId } = hostA.use(useBattleState).currentBattleInfo.value!
    expect(panel.emitted('battle-start')).toEqual([[battleId]])
    expect(document.getElementById(panel.find('[role="dialog"]').attributes('aria-labelledby')!)?.textContent).toBe('Anchor battling...')
    expect(panel.find('[data-testid="battle"] [role="timer"]').text()).toBe('2:00 left')
    expect(panel.find('[data-testid="start-battle"]').exists()).toBe(false)
    await hostB.use(useAtomicxClient).request({ type: 'battle.addScore', battleId, userId: 'hostB', value: 7 })
    await flush()
    vi.advanceTimersByTime(30_000)
    await nextTick()
    expect(panel.find('[data-testid="battler-hostB"] .score').text()).toBe('Score 7')
    expect(panel.find('[data-testid="battler-hostA"] .score').text()).toBe('Score 0')
    expect(panel.find('[data-testid="battle"] [role="timer"]').text()).toBe('1:30 left')

    await click(panel, 'battle', 'exit-battle')
    expect(panel.emitted('battle-exit')).toEqual([[battleId]])
    expect(panel.find('[data-testid="battle"]').exists()).toBe(false)
  })

  it('Start battle: 100412 when every partner is already battling', async () => {
    await connectAB()
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveC', timeout: 0 })
    await flush()
    await hostC.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
    await flush()
    const config = { duration: 60, needResponse: false, extensionInfo: '' }
    await hostB.use(useBattleState).requestBattle({ config, userIdList: ['hostC'], timeout: 0 })
    await flush()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await click(panel, 'connected', 'start-battle')
    expect(panel.find('[role="alert"]').text()).toContain('No connected host can join a battle')
    expect(panel.emitted('battle-start')).toBeUndefined()
  })
})

describe('language and cleanup', () => {
  it('switches to Simplified Chinese', async () => {
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    hostA.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(panel.find('h2').text()).toBe('主播连线')
    expect(within(panel, 'host-liveB', 'request').text()).toBe('邀请连线')
  })

  it('unmounting stops its countdowns', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    const panel = await hostA.show(CoHostPanel, { visible: true })
    await flush()
    await click(panel, 'host-liveB', 'request')
    expect(vi.getTimerCount()).toBe(before + 2) // the request's expiry in the hub, the countdown
    await hostA.hide()
    expect(vi.getTimerCount()).toBe(before + 1)
  })
})
