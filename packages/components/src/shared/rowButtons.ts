import type { MessageKey } from '../i18n'

/** A button of a `UserRow`. */
export interface RowButton {
  /** its data-testid */
  readonly testId: string
  readonly label: MessageKey
  readonly variant?: 'primary' | 'danger'
  /** a toggle's state (aria-pressed) */
  readonly pressed?: boolean
  readonly run: () => void
}

/** Accept and Reject, the answers to a request. */
export const answerButtons = (accept: () => void, reject: () => void): readonly RowButton[] => [
  { testId: 'accept', label: 'accept', variant: 'primary', run: accept },
  { testId: 'reject', label: 'reject', run: reject },
]
