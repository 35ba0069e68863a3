// @ts-check
import { API } from './api.js';

/** @typedef {import('../types/api').LiveEvent} LiveEvent */
/** @typedef {'connecting' | 'live' | 'offline'} LiveState */

const EVENT_TYPES = ['movement', 'publish', 'listings'];

/**
 * The server's event stream (GET /api/v1/events, authenticated by the session cookie). EventSource
 * reconnects by itself; after a reconnect the page reloads its data, since events may have been missed.
 * @param {(event: LiveEvent) => void} onEvent
 * @param {(state: LiveState, reconnected: boolean) => void} onState
 * @returns {() => void} closes the stream
 */
export function connectLive(onEvent, onState) {
  const source = new EventSource(`${API}/events`);
  let opened = false;
  onState('connecting', false);
  source.addEventListener('open', () => {
    onState('live', opened);
    opened = true;
  });
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting', false));
  for (const type of EVENT_TYPES) {
    source.addEventListener(type, (message) => {
      onEvent(/** @type {LiveEvent} */ (JSON.parse(/** @type {MessageEvent<string>} */ (message).data)));
    });
  }
  return () => source.close();
}

/**
 * Runs `work` once after a quiet spell: a burst of events during a sale becomes one reload.
 * @param {() => void} work
 * @param {number} ms
 */
export function debounce(work, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(work, ms);
  };
}
