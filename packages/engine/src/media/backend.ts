/**
 * Where local media comes from. The browser backend wraps `navigator.mediaDevices` and WebAudio;
 * tests pass a fake. Nothing here is touched at import time.
 */
export interface MediaBackend {
  /** Rejects with the browser's DOMException (`NotAllowedError`, `NotFoundError`, `NotReadableError`, `OverconstrainedError`…). */
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>
  getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<MediaStream>
  enumerateDevices(): Promise<MediaDeviceInfo[]>
  /** Hot-plug; returns its unsubscribe. */
  onDeviceChange(fn: () => void): () => void
  /** A 0–100 level meter over a stream's audio (WebAudio AnalyserNode in browsers). */
  createLevelMeter(stream: MediaStream): LevelMeter
  /** Routes a stream's audio through a gain (WebAudio GainNode in browsers); publish `stream` of the result. */
  gain(stream: MediaStream, volume: number): AudioGain
  /** Plays a stream in an element: `<video>`/`<audio>` given directly, or a child video created in a container. */
  attach(stream: MediaStream, view: HTMLElement, options?: { readonly mirror?: boolean; readonly muted?: boolean }): AttachedMedia
  /** false where the API is missing (insecure origin, old browser, SSR). */
  readonly supported: { readonly userMedia: boolean; readonly displayMedia: boolean; readonly sinkId: boolean }
}

export interface LevelMeter {
  /** current level 0–100 */
  read(): number
  stop(): void
}

export interface AttachedMedia {
  readonly element: HTMLMediaElement
  setSinkId(deviceId: string): Promise<void>
  detach(): void
}

/** A microphone stream with a volume applied: `stream` carries the processed audio. */
export interface AudioGain {
  readonly stream: MediaStream
  /** 0–100, 100 = unchanged */
  set(volume: number): void
  /** Ends the processed track and releases the audio graph; the source stream keeps running. */
  stop(): void
}
