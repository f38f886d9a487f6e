/**
 * Completion and the help list as promises: the worker answers each command with a
 * message carrying its id, and engineClient hands those answers here. An answer that
 * never comes (the worker restarted) resolves empty after a while: Tab then does nothing.
 */
import type { Command } from '../../protocol/messages';

export interface CompletionAnswer {
  candidates: string[];
  replaceFrom: number;
}
export interface VerbHelp {
  name: string;
  summary: string;
}

type Answer = { completion?: CompletionAnswer; verbs?: VerbHelp[] };

const pending = new Map<number, (answer: Answer) => void>();
const TIMEOUT_MS = 5_000;

export type Send = (cmd: Command) => number;

function request(send: Send, cmd: Command): Promise<Answer> {
  return new Promise((resolve) => {
    const id = send(cmd);
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({});
    }, TIMEOUT_MS);
    pending.set(id, (answer) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(answer);
    });
  });
}

export async function requestCompletion(send: Send, line: string, cursor: number): Promise<CompletionAnswer> {
  const answer = await request(send, { type: 'complete', line, cursor });
  return answer.completion ?? { candidates: [], replaceFrom: cursor };
}

export async function requestHelp(send: Send): Promise<VerbHelp[]> {
  return (await request(send, { type: 'kubectlHelp' })).verbs ?? [];
}

/** engineClient's hook: a completion, a help list, or an error ({}) for request `id`. */
export function settleConsoleRequest(id: number, answer: Answer): boolean {
  const settle = pending.get(id);
  if (!settle) return false;
  settle(answer);
  return true;
}
