/**
 * `cluster.kubectl(line, stdin)`: tokenize, parse flags, run the verb. Nothing throws
 * out of here: every failure becomes stderr text and a non-zero exit code, as
 * kubectl's cmdutil.CheckErr does.
 */
import type { Cluster, ExecResult } from '../index';
import { flagBool, parseArgs, tokenize } from './args';
import { Streams, type Verb } from './cmd';
import { KubectlError } from './errors';
import { help, unknownCommand } from './help';
import { VERBS } from './verbs';

/** Longer lines are refused before parsing: no real command line is this long. */
export const MAX_LINE = 64 * 1024;

export function runKubectl(cluster: Cluster, line: string, stdin?: string): ExecResult {
  const io = new Streams();
  let exitCode = 0;
  try {
    exitCode = run(cluster, line, stdin, io);
  } catch (e) {
    if (e instanceof KubectlError) {
      io.err(e.text);
      exitCode = e.exitCode;
    } else {
      // A bug of ours must not take the page down; say what happened like kubectl would.
      io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
      exitCode = 1;
    }
  }
  return { stdout: io.stdout, stderr: io.stderr, exitCode };
}

function run(cluster: Cluster, line: string, stdin: string | undefined, io: Streams): number {
  if (typeof line !== 'string') throw new KubectlError('error: the command line must be text');
  if (line.length > MAX_LINE) {
    throw new KubectlError(`error: the command line is too long (${line.length} characters; the limit is ${MAX_LINE})`);
  }
  let tokens = tokenize(line);
  if (tokens[0] === 'kubectl') tokens = tokens.slice(1);
  const p = parseArgs(tokens);
  if (p.verb === '' || p.verb === 'help') {
    io.out(help());
    return 0;
  }
  const verb: Verb | undefined = VERBS[p.verb];
  if (!verb) throw unknownCommand(p.verb, Object.keys(VERBS));
  if (flagBool(p, 'help')) {
    io.out(help(p.verb));
    return 0;
  }
  return verb({ cluster, p, stdin, io });
}
