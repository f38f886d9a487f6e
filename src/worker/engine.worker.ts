/// <reference lib="webworker" />
/**
 * The Web Worker entry: one ClusterHost wired to postMessage and the worker's timers.
 * The host catches every engine exception and reports it as an `error` message, so
 * a bug in a controller never takes the worker down.
 */
import type { Command } from '../protocol/messages';
import { ClusterHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new ClusterHost({
  post: (message) => scope.postMessage(message),
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (e: MessageEvent<Command>) => host.handle(e.data);
