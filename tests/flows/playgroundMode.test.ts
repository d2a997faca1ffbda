// The playground's mode switch (playground/src/mode.ts): which URL starts TRTC mode, how userSigs are
// fetched from the developer's endpoint, and what a missing trtc-sdk-v5 says.
import { EngineError, ErrorCode, MediaError, MediaErrorCode } from '@atomicx-vue/engine'
import { describe, expect, it, vi } from 'vitest'
import { fetchUserSig, INSTALL_HINT, loadTrtc, parseMode } from '../../playground/src/mode'

describe('parseMode', () => {
  it.each(['', '?', '?lang=en', '?sdkappid=1&usersigurl=https://a.example'])('%j is the embedded engine', (search) => {
    expect(parseMode(search)).toEqual({ kind: 'local' })
  })

  it.each([
    ['?sdkAppId=1400000001&userSigUrl=https://sig.example.com/usersig', 1400000001, 'https://sig.example.com/usersig'],
    ['sdkAppId=20000001&userSigUrl=http://127.0.0.1:8787/sig', 20000001, 'http://127.0.0.1:8787/sig'],
    ['?userSigUrl=http://localhost/sig&sdkAppId=7', 7, 'http://localhost/sig'],
    // the endpoint's own query survives when encoded, and the URL is normalised
    ['?sdkAppId=1&userSigUrl=https%3A%2F%2FSig.Example.com%2Fs%3Fapp%3Ddemo', 1, 'https://sig.example.com/s?app=demo'],
  ])('%j is TRTC', (search, sdkAppId, userSigUrl) => {
    expect(parseMode(search)).toEqual({ kind: 'trtc', sdkAppId, userSigUrl })
  })

  it.each([
    ['?sdkAppId=1400000001', /both sdkAppId and userSigUrl/],
    ['?userSigUrl=https://sig.example.com', /both sdkAppId and userSigUrl/],
    ['?sdkAppId=&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=0&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer.*got "0"/],
    ['?sdkAppId=-5&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=1.5&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=1e9&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=0x10&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=%2014&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=99999999999999999999&userSigUrl=https://sig.example.com', /sdkAppId must be a positive integer/],
    ['?sdkAppId=1&userSigUrl=', /userSigUrl must be an https:\/\/ URL/],
    ['?sdkAppId=1&userSigUrl=/usersig', /userSigUrl must be an https:\/\/ URL.*got "\/usersig"/],
    ['?sdkAppId=1&userSigUrl=http://sig.example.com/usersig', /userSigUrl must be an https:\/\/ URL/],
    ['?sdkAppId=1&userSigUrl=http://127.0.0.1.example.com/usersig', /userSigUrl must be an https:\/\/ URL/],
    ['?sdkAppId=1&userSigUrl=ftp://sig.example.com', /userSigUrl must be an https:\/\/ URL/],
    ['?sdkAppId=1&userSigUrl=javascript:alert(1)', /userSigUrl must be an https:\/\/ URL/],
  ])('%j is refused', (search, error) => {
    const parsed = parseMode(search)
    expect(parsed.kind).toBe('invalid')
    expect(parsed.kind === 'invalid' && parsed.error).toMatch(error)
  })
})

/** A fetch answering `body` with `status`, recording the requested URLs. */
function answering(body: string, status = 200) {
  return vi.fn<typeof fetch>(async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }))
}

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(EngineError)
  expect((error as EngineError).code).toBe(ErrorCode.NOT_LOGGED_IN)
  return error as EngineError
}

describe('fetchUserSig', () => {
  it('GETs userSigUrl?userId=<id>, keeping the endpoint’s own query, and returns the userSig', async () => {
    const fetchFn = answering('{"userSig":"eJw-sig"}')
    await expect(fetchUserSig('https://sig.example.com/s?app=demo&userId=old', 'host_1', fetchFn)).resolves.toBe('eJw-sig')
    expect(fetchFn).toHaveBeenCalledTimes(1)
    const [url, init] = fetchFn.mock.calls[0]!
    expect(String(url)).toBe('https://sig.example.com/s?app=demo&userId=host_1')
    expect(init).toEqual({ headers: { accept: 'application/json' } })
  })

  it('a request that fails says so, hints at the server and CORS, and keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch')
    const error = await refusal(fetchUserSig('https://sig.example.com/s', 'alice', () => Promise.reject(cause)))
    expect(error.message).toBe('No userSig for alice from https://sig.example.com/s: the request failed (is the server running, and does it allow CORS from this page?)')
    expect(error.cause).toBe(cause)
  })

  it.each([
    ['{"error":"unknown user"}', 403, 'it answered HTTP 403'],
    ['<html>', 200, 'it must answer JSON { "userSig": "<non-empty string>" }'],
    ['{"sig":"x"}', 200, 'it must answer JSON'],
    ['{"userSig":""}', 200, 'it must answer JSON'],
    ['{"userSig":42}', 200, 'it must answer JSON'],
    ['null', 200, 'it must answer JSON'],
    ['"eJw-sig"', 200, 'it must answer JSON'],
  ])('answer %j (HTTP %i) is refused: %s', async (body, status, why) => {
    const error = await refusal(fetchUserSig('http://127.0.0.1:8787/sig', 'bob', answering(body, status)))
    expect(error.message).toContain(`No userSig for bob from http://127.0.0.1:8787/sig: ${why}`)
  })
})

describe('loadTrtc', () => {
  const TRTC = { create: () => ({}) }
  class CrossRoom {}

  it('without the SDK, rejects with NOT_SUPPORTED and how to install it', async () => {
    const error = await loadTrtc({ sdk: null, crossRoom: null }).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(MediaError)
    expect((error as MediaError).code).toBe(MediaErrorCode.NOT_SUPPORTED)
    expect((error as MediaError).message).toBe(INSTALL_HINT)
    expect(INSTALL_HINT).toContain('pnpm add trtc-sdk-v5 -w')
    expect(INSTALL_HINT).toContain('npm i trtc-sdk-v5')
  })

  it.each([
    ['a named CrossRoom export', { CrossRoom }],
    ['a default export', { default: CrossRoom }],
  ])('takes the SDK’s default export and the plugin from %s', async (_, plugin) => {
    await expect(loadTrtc({ sdk: async () => ({ default: TRTC }), crossRoom: async () => plugin })).resolves.toEqual({ TRTC, CrossRoom })
  })

  it('works without the CrossRoom plugin (no co-host), and passes an import failure on', async () => {
    await expect(loadTrtc({ sdk: async () => ({ default: TRTC }), crossRoom: null })).resolves.toEqual({ TRTC, CrossRoom: undefined })
    const chunk = new TypeError('Failed to fetch dynamically imported module')
    await expect(loadTrtc({ sdk: () => Promise.reject(chunk), crossRoom: null })).rejects.toBe(chunk)
  })
})
