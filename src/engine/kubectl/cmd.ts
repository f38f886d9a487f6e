/**
 * What every verb receives: the cluster, the parsed command line and stdin, plus the
 * two output streams it writes to. Verbs return the exit code or throw KubectlError.
 */
import type { Cluster } from '../index';
import { flagBool, flagString, type ParsedArgs } from './args';

export class Streams {
  stdout = '';
  stderr = '';
  out(text: string): void {
    this.stdout += text;
  }
  err(text: string): void {
    this.stderr += text.endsWith('\n') ? text : `${text}\n`;
  }
}

export interface Invocation {
  cluster: Cluster;
  p: ParsedArgs;
  stdin?: string;
  io: Streams;
}

export type Verb = (inv: Invocation) => number;

/** -n/--namespace, else the context's namespace ("default"). */
export function namespaceOf(inv: Invocation): string {
  return flagString(inv.p, 'namespace') || 'default';
}

export function allNamespaces(inv: Invocation): boolean {
  return flagBool(inv.p, 'all-namespaces');
}
