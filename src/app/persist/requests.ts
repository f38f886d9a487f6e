/**
 * saveScenario and loadScenario as promises. The worker answers each with a
 * message carrying the command's id; engineClient hands those answers here.
 */
import type { ClockState, Command, Scenario } from '../../protocol/messages';
import { PersistError } from './codec';

type Answer = { scenario?: Scenario; clock?: ClockState; error?: string };

const pending = new Map<number, (answer: Answer) => void>();

/** How long a worker may take before the request is given up (a restart loses it). */
const TIMEOUT_MS = 15_000;

export type Send = (cmd: Command) => number;

function request(send: Send, cmd: Command): Promise<Answer> {
  return new Promise((resolve) => {
    const id = send(cmd);
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ error: 'the simulation did not answer' });
    }, TIMEOUT_MS);
    pending.set(id, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

/** The running cluster as a scenario (editor and ui still empty). */
export async function requestScenario(send: Send): Promise<Scenario> {
  const answer = await request(send, { type: 'saveScenario' });
  if (!answer.scenario) throw new PersistError('worker', answer.error ?? 'no scenario came back');
  return answer.scenario;
}

/** Restores `scenario` in the worker; rejects with the worker's reason, the old cluster kept. */
export async function requestLoad(send: Send, scenario: unknown): Promise<ClockState> {
  const answer = await request(send, { type: 'loadScenario', scenario });
  if (!answer.clock) throw new PersistError('worker', answer.error ?? 'the scenario was not loaded');
  return answer.clock;
}

/** Called by engineClient for scenario, scenarioLoaded and their errors. */
export function settleScenarioRequest(id: number, answer: Answer): void {
  const settle = pending.get(id);
  if (!settle) return;
  pending.delete(id);
  settle(answer);
}
