import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n'
import Icon from './Icon.vue'
import { ICONS, type IconName } from './icons'
import MicIcon from './MicIcon.vue'

describe('Icon', () => {
  it.each(Object.keys(ICONS) as IconName[])('%s draws its paths in the text color, no text', (name) => {
    const svg = mount(Icon, { props: { name } })
    expect(svg.attributes()).toMatchObject({ viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'data-icon': name })
    expect(svg.findAll('path').map((path) => path.attributes('d'))).toEqual(ICONS[name])
    expect(svg.text()).toBe('')
  })

  it('without a label it is decorative: hidden from screen readers, no role', () => {
    const attributes = mount(Icon, { props: { name: 'lock' } }).attributes()
    expect(attributes['aria-hidden']).toBe('true')
    expect(attributes).not.toHaveProperty('role')
    expect(attributes).not.toHaveProperty('aria-label')
  })

  it('with a label it is an image announced by that label; an empty label counts as none', async () => {
    const svg = mount(Icon, { props: { name: 'mic', label: 'Microphone on' } })
    expect(svg.attributes()).toMatchObject({ role: 'img', 'aria-label': 'Microphone on' })
    expect(svg.attributes()).not.toHaveProperty('aria-hidden')
    await svg.setProps({ label: '' })
    expect(svg.attributes()).toMatchObject({ 'aria-hidden': 'true' })
    expect(svg.attributes()).not.toHaveProperty('role')
  })
})

describe('MicIcon', () => {
  it('announces the microphone state, crossed out when off, in the current language', async () => {
    const i18n = createI18n()
    const mic = mount(MicIcon, { props: { on: true }, global: { plugins: [i18n] } })
    expect(mic.attributes()).toMatchObject({ role: 'img', 'aria-label': 'Microphone on', 'data-icon': 'mic' })
    await mic.setProps({ on: false })
    expect(mic.attributes()).toMatchObject({ role: 'img', 'aria-label': 'Microphone off', 'data-icon': 'micOff' })
    i18n.setLanguage('zh-CN')
    await mic.vm.$nextTick()
    expect(mic.attributes('aria-label')).toBe('麦克风已关闭')
  })
})
