/**
 * The app's end of the worker protocol: starts the engine worker, sends commands,
 * routes what comes back into the stores, and restarts the worker if it dies.
 * React components never talk to the worker directly; actions call `send`.
 */
import type { Command, WorkerMessage } from '../protocol/messages';
import { settleConsoleRequest } from './console/requests';
import { receiveLesson, receiveLessonList, setLessonError } from './lessons/lessonStore';
import { settleScenarioRequest } from './persist/requests';
import { receiveClock, receiveView, setConnection, setEngineError, useClusterStore } from './state/clusterStore';
import { finishApply, finishKubectl, useConsoleStore } from './state/consoleStore';
import { receiveInspection, useSelectionStore } from './state/selectionStore';

/** A worker that dies this many times within RESTART_WINDOW_MS is left down. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10_000;
const RESTART_DELAY_MS = 500;

let worker: Worker | null = null;
let nextId = 1;
let crashes: number[] = [];

function spawn(): Worker {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
}

export function startEngine(): void {
  if (worker) return;
  const w = spawn();
  worker = w;
  w.addEventListener('message', (e: MessageEvent<WorkerMessage>) => receive(e.data));
  w.addEventListener('error', (e) => {
    e.preventDefault();
    onCrash(e.message || 'the engine worker stopped');
  });
  w.addEventListener('messageerror', () => onCrash('a message from the engine could not be read'));
  // A restarted worker knows nothing of the selection; ask again.
  const { selected } = useSelectionStore.getState();
  if (selected) send({ type: 'inspect', ref: selected });
}

// The inspector follows the selection: the worker inspects the selected object and keeps it live.
useSelectionStore.subscribe((s, prev) => {
  if (s.selected !== prev.selected) send({ type: 'inspect', ref: s.selected });
});

/** Sends a command; returns the id its result will carry. */
export function send(cmd: Command): number {
  const id = cmd.id ?? nextId++;
  worker?.postMessage({ ...cmd, id });
  return id;
}

function receive(msg: WorkerMessage): void {
  switch (msg.type) {
    case 'view':
      receiveView(msg.view);
      return;
    case 'clock':
      receiveClock(msg.clock);
      return;
    case 'inspection':
      receiveInspection(msg.data);
      return;
    case 'applyResult':
      if (msg.id !== undefined) finishApply(msg.id, { result: msg.result, lines: msg.lines });
      return;
    case 'kubectlResult':
      if (msg.id !== undefined) finishKubectl(msg.id, msg.result);
      return;
    case 'scenario':
      if (msg.id !== undefined) settleScenarioRequest(msg.id, { scenario: msg.scenario });
      return;
    case 'scenarioLoaded':
      receiveClock(msg.clock);
      if (msg.id !== undefined) settleScenarioRequest(msg.id, { clock: msg.clock });
      return;
    case 'lessonList':
      receiveLessonList(msg.lessons, msg.broken);
      return;
    case 'lesson':
      receiveLesson(msg.view);
      return;
    case 'completion':
      if (msg.id !== undefined) settleConsoleRequest(msg.id, { completion: msg });
      return;
    case 'kubectlHelp':
      if (msg.id !== undefined) settleConsoleRequest(msg.id, { verbs: msg.verbs });
      return;
    case 'error':
      if (msg.id !== undefined && (msg.command === 'complete' || msg.command === 'kubectlHelp')) {
        settleConsoleRequest(msg.id, {});
        return;
      }
      if (msg.command === 'lesson' || msg.command === 'lessons') {
        setLessonError(msg.message);
        return;
      }
      if (msg.id !== undefined && (msg.command === 'saveScenario' || msg.command === 'loadScenario')) {
        settleScenarioRequest(msg.id, { error: msg.message });
      } else if (msg.id !== undefined && msg.command === 'apply') finishApply(msg.id, { error: msg.message });
      else if (msg.id !== undefined && msg.command === 'kubectl') {
        finishKubectl(msg.id, { stdout: '', stderr: `error: ${msg.message}\n`, exitCode: 1 });
      } else setEngineError(msg.message);
      return;
  }
}

function onCrash(reason: string): void {
  worker?.terminate();
  worker = null;
  failPending(reason);
  const now = performance.now();
  crashes = [...crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
  if (crashes.length > MAX_RESTARTS) {
    setConnection('restarting', `The simulation keeps stopping (${reason}). Reload the page to start again.`);
    return;
  }
  setConnection('restarting', `The simulation stopped (${reason}). Restarting it with a fresh cluster…`);
  setTimeout(() => {
    startEngine();
    // The new cluster starts over; carry the learner's clock settings across.
    const { running, speed } = useClusterStore.getState().clock;
    send({ type: 'setSpeed', speed });
    if (!running) send({ type: 'pause' });
  }, RESTART_DELAY_MS);
}

/** Commands in flight will never be answered by the dead worker. */
function failPending(reason: string): void {
  const { apply, entries } = useConsoleStore.getState();
  if (apply?.pending) finishApply(apply.id, { error: `the engine restarted: ${reason}` });
  for (const e of entries) {
    if (e.pending) finishKubectl(e.id, { stdout: '', stderr: `error: the engine restarted: ${reason}\n`, exitCode: 1 });
  }
}
