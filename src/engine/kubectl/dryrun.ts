/** --dry-run=none|client|server, and the suffix kubectl adds to what it would have done. */
import { flagString, type ParsedArgs } from './args';
import { KubectlError } from './errors';

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(p: ParsedArgs): DryRun {
  const v = flagString(p, 'dry-run');
  if (v === undefined || v === 'none' || v === 'false') return 'none';
  // A bare --dry-run (pflag NoOptDefVal "unchanged") and --dry-run=true mean client.
  if (v === 'client' || v === 'unchanged' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
