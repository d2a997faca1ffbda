import { inject, provide, readonly, shallowRef, type App, type InjectionKey, type Ref } from 'vue'
import { en, type MessageKey, type Messages } from './en'
import { zhCN } from './zhCN'

/** The languages the components speak. */
export type Language = 'en' | 'zh-CN'

const MESSAGES: Readonly<Record<Language, Messages>> = { en, 'zh-CN': zhCN }

/** Values for a text's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>

/** The components' texts in the current language. Also a Vue plugin: `app.use(createI18n('zh-CN'))`. */
export interface I18n {
  readonly locale: Readonly<Ref<Language>>
  /** Switches every component using this instance; an unknown language throws a RangeError and changes nothing. */
  setLanguage(language: Language): void
  /** The text of `key` in the current language, placeholders filled. */
  t(key: MessageKey, params?: MessageParams): string
  install(app: App): void
}

/** Where an `I18n` is provided (by `app.use(createI18n())` or `provideI18n()`). */
export const i18nKey: InjectionKey<I18n> = Symbol('atomicx components i18n')

function format(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : placeholder))
}

/**
 * Creates an i18n instance (English by default).
 * @example
 * const i18n = createI18n('zh-CN')
 * createApp(App).use(createAtomicx()).use(i18n).mount('#app')
 * i18n.setLanguage('en')
 */
export function createI18n(language: Language = 'en'): I18n {
  const locale = shallowRef<Language>(language)
  const i18n: I18n = {
    locale: readonly(locale),
    setLanguage(next) {
      if (!Object.hasOwn(MESSAGES, next)) throw new RangeError(`Unknown language "${String(next)}": use ${Object.keys(MESSAGES).join(' or ')}`)
      locale.value = next
    },
    t: (key, params) => format(MESSAGES[locale.value][key], params),
    install: (app) => app.provide(i18nKey, i18n),
  }
  i18n.setLanguage(language)
  return i18n
}

/** Provides a new i18n instance to the calling component's subtree and returns it. */
export function provideI18n(language?: Language): I18n {
  const i18n = createI18n(language)
  provide(i18nKey, i18n)
  return i18n
}

// Used by components with no provided instance, so one `setLanguage` still switches them all.
let pageI18n: I18n | null = null

/** The i18n instance of the calling component: the provided one, else one shared by the page. */
export function useI18n(): I18n {
  return inject(i18nKey, null) ?? (pageI18n ??= createI18n())
}
