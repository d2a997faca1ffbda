import { EngineError, ErrorCode, MediaError, MediaErrorCode, type TrtcModules, type TrtcSdk } from '@atomicx-vue/engine'

/** How the page runs: the embedded engine (default), or TRTC media with userSigs from the developer's server. */
export type PlaygroundMode =
  | { readonly kind: 'local' }
  | { readonly kind: 'trtc'; readonly sdkAppId: number; readonly userSigUrl: string }

/** `parseMode`'s answer: a mode, or why the URL names none. */
export type ParsedMode = PlaygroundMode | { readonly kind: 'invalid'; readonly error: string }

const LOOPBACK = new Set(['127.0.0.1', 'localhost'])

/**
 * The mode a page URL's query string asks for: none of `sdkAppId`/`userSigUrl` is local, both is TRTC.
 * @example
 * parseMode('?sdkAppId=1400000001&userSigUrl=https://example.com/usersig')
 * // { kind: 'trtc', sdkAppId: 1400000001, userSigUrl: 'https://example.com/usersig' }
 */
export function parseMode(search: string): ParsedMode {
  const params = new URLSearchParams(search)
  const appId = params.get('sdkAppId')
  const sigUrl = params.get('userSigUrl')
  if (appId === null && sigUrl === null) return { kind: 'local' }
  if (appId === null || sigUrl === null) return { kind: 'invalid', error: 'TRTC mode needs both sdkAppId and userSigUrl in the page URL' }
  const sdkAppId = Number(appId)
  if (!/^[1-9][0-9]*$/.test(appId) || !Number.isSafeInteger(sdkAppId)) {
    return { kind: 'invalid', error: `sdkAppId must be a positive integer (your application's SDKAppID), got "${appId}"` }
  }
  const url = URL.canParse(sigUrl) ? new URL(sigUrl) : null
  // the userSig travels in the clear over http: allowed only to this machine
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))) {
    return { kind: 'invalid', error: `userSigUrl must be an https:// URL (or http://127.0.0.1 / http://localhost), got "${sigUrl}"` }
  }
  return { kind: 'trtc', sdkAppId, userSigUrl: url.href }
}

/**
 * Asks the developer's own endpoint for `userId`'s userSig: GET `userSigUrl?userId=<id>`, answering
 * JSON `{ "userSig": "…" }`. Rejects with EngineError NOT_LOGGED_IN when it cannot get one.
 */
export async function fetchUserSig(userSigUrl: string, userId: string, fetchFn: typeof fetch = fetch): Promise<string> {
  const url = new URL(userSigUrl)
  url.searchParams.set('userId', userId)
  const fail = (why: string, cause?: unknown) => new EngineError(ErrorCode.NOT_LOGGED_IN, `No userSig for ${userId} from ${url.origin}${url.pathname}: ${why}`, { cause })
  let response: Response
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } })
  } catch (error) {
    throw fail('the request failed (is the server running, and does it allow CORS from this page?)', error)
  }
  if (!response.ok) throw fail(`it answered HTTP ${response.status}`)
  const body: unknown = await response.json().catch(() => null)
  const userSig = typeof body === 'object' && body !== null && 'userSig' in body ? body.userSig : undefined
  if (typeof userSig !== 'string' || !userSig) throw fail('it must answer JSON { "userSig": "<non-empty string>" }')
  return userSig
}

/** The lazy imports of trtc-sdk-v5 the build found (module `virtual:trtc-sdk`); `sdk` is null when it is not installed. */
export interface TrtcImports {
  readonly sdk: (() => Promise<{ readonly default: unknown }>) | null
  /** null when the CrossRoom plugin is missing: everything but co-host still works */
  readonly crossRoom: (() => Promise<{ readonly CrossRoom?: unknown; readonly default?: unknown }>) | null
}

/** What to do when trtc-sdk-v5 is missing. */
export const INSTALL_HINT = 'TRTC mode needs trtc-sdk-v5, which is not installed: run `pnpm add trtc-sdk-v5 -w` in this repository (`npm i trtc-sdk-v5` in your own app), then restart the dev server or rebuild.'

/** Loads trtc-sdk-v5 and its CrossRoom plugin; rejects with MediaError NOT_SUPPORTED and INSTALL_HINT when the build found no SDK. */
export async function loadTrtc(imports: TrtcImports): Promise<TrtcModules> {
  if (!imports.sdk) throw new MediaError(MediaErrorCode.NOT_SUPPORTED, INSTALL_HINT)
  const [sdk, plugin] = await Promise.all([imports.sdk(), imports.crossRoom?.()])
  return { TRTC: sdk.default as TrtcSdk, CrossRoom: plugin?.CrossRoom ?? plugin?.default }
}
