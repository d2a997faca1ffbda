import { onScopeDispose, watch, type Ref } from 'vue'

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Keyboard behaviour of a modal dialog: focus moves into `root` when it shows and back to where it was
 * when it goes, Tab stays inside, Escape calls `close`. Returns the keydown handler for the dialog.
 */
export function useModal(root: Readonly<Ref<HTMLElement | null>>, isOpen: () => boolean, close: () => void): (event: KeyboardEvent) => void {
  let returnTo: HTMLElement | null = null
  const restore = () => {
    returnTo?.focus()
    returnTo = null
  }
  watch(() => (isOpen() ? root.value : null), (dialog) => {
    if (!dialog) return restore()
    returnTo = dialog.ownerDocument.activeElement as HTMLElement | null
    ;(dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus()
  }, { flush: 'post' })
  onScopeDispose(restore)

  return (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
      return
    }
    const dialog = root.value
    if (event.key !== 'Tab' || !dialog) return
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const active = dialog.ownerDocument.activeElement
    if (event.shiftKey && (active === items[0] || active === dialog)) {
      event.preventDefault()
      items.at(-1)?.focus()
    } else if (!event.shiftKey && active === items.at(-1)) {
      event.preventDefault()
      items[0]?.focus()
    }
  }
}
