/**
 * -f: the manifest text. Without a filesystem, `-f -` reads stdin and `-f path` reads
 * stdin too when the caller (the CLI or the console) supplied the file's content there.
 */
import { flagArray } from './args';
import type { Invocation } from './cmd';
import { KubectlError } from './errors';

/** Larger inputs are refused before parsing (the API server's own request limit is 3 MiB). */
export const MAX_MANIFEST = 3 * 1024 * 1024;

export interface Source {
  /** what messages call it: "STDIN" or the path */
  name: string;
  text: string;
}

export function readSource(inv: Invocation, verb: string): Source | undefined {
  const files = flagArray(inv.p, 'filename');
  if (files.length === 0) return undefined;
  if (files.length > 1) throw new KubectlError(`error: only one -f is supported here (got ${files.length})`);
  const f = files[0];
  if (f === '') throw new KubectlError('error: must specify one of -f and -k');
  if (inv.stdin === undefined) {
    if (f === '-') throw new KubectlError(`error: no objects passed to ${verb}`);
    if (/^https?:\/\//.test(f)) {
      throw new KubectlError(
        `error: unable to read URL "${f}": the playground works offline; open the manifest in the editor and apply it from there`,
      );
    }
    throw new KubectlError(`error: the path "${f}" does not exist`);
  }
  if (inv.stdin.length > MAX_MANIFEST) {
    // Refused before any parsing, in the API pipeline's words (api/parse.ts).
    throw new KubectlError(
      `error: error parsing ${f === '-' ? 'STDIN' : f}: the manifest is ${inv.stdin.length} bytes, more than the API server accepts in one request (Request entity too large: limit is ${MAX_MANIFEST})`,
    );
  }
  return { name: f === '-' ? 'STDIN' : f, text: inv.stdin };
}
