import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { en } from './en'
import { createI18n, provideI18n, useI18n, type I18n } from './useI18n'
import { zhCN } from './zhCN'

/** Renders `key` through whichever i18n the component tree gives it. */
const Text = defineComponent({ props: { k: { type: String, required: true } }, setup: (props) => () => h('span', useI18n().t(props.k as keyof typeof en)) })
/** Runs `setup` inside a component of the tree (a plain functional one, to read what it injects). */
const Probe = (setup: () => void) => () => {
  setup()
  return null
}

describe('createI18n', () => {
  it('speaks English by default and switches to Simplified Chinese and back', () => {
    const i18n = createI18n()
    expect([i18n.locale.value, i18n.t('accept')]).toEqual(['en', 'Accept'])
    i18n.setLanguage('zh-CN')
    expect([i18n.locale.value, i18n.t('accept')]).toEqual(['zh-CN', '同意'])
    i18n.setLanguage('en')
    expect(i18n.t('accept')).toBe('Accept')
  })

  it('fills placeholders and leaves unknown ones as they are', () => {
    const i18n = createI18n('zh-CN')
    expect(i18n.t('currentSeats', { count: 3 })).toBe('当前麦位 (3)')
    expect(i18n.t('invitationText')).toBe('{name} 邀请你上麦连线')
  })

  it('refuses an unknown language with a RangeError and keeps the current one', () => {
    const i18n = createI18n('zh-CN')
    expect(() => i18n.setLanguage('fr' as 'en')).toThrow(new RangeError('Unknown language "fr": use en or zh-CN'))
    expect(i18n.locale.value).toBe('zh-CN')
    expect(() => createI18n('ja' as 'en')).toThrow(RangeError)
  })

  it('the Chinese texts have exactly the English keys, each with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
  })
})

describe('useI18n', () => {
  it('uses the app plugin, and a provideI18n() subtree its own', async () => {
    let inner: I18n | undefined
    const Inner = {
      setup() {
        inner = provideI18n('zh-CN')
        return () => h(Text, { k: 'reject' })
      },
    }
    const app = createI18n()
    const wrapper = mount(() => h('div', [h(Text, { k: 'reject' }), h(Inner)]), { global: { plugins: [app] } })
    expect(wrapper.text()).toBe('Reject拒绝')
    app.setLanguage('zh-CN')
    inner!.setLanguage('en')
    await nextTick()
    expect(wrapper.text()).toBe('拒绝Reject')
  })

  it('without a provided instance, components share one page-wide instance', async () => {
    const [one, two] = [mount(Text, { props: { k: 'cancel' } }), mount(Text, { props: { k: 'cancel' } })]
    let page: I18n | undefined
    mount(Probe(() => (page = useI18n())))
    page!.setLanguage('zh-CN')
    await nextTick()
    expect([one.text(), two.text()]).toEqual(['取消', '取消'])
    page!.setLanguage('en')
  })
})
