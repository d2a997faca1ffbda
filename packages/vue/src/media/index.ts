// Internal: the media store follows the user's live; nothing here is public API.
export { useMediaStore } from './store'
