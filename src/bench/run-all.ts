/**
 * `npm run bench`: runs every `src/bench/*.bench.ts`, one process each (a fresh heap per
 * file, so one benchmark's garbage never lands on another's figures), in name order,
 * with --expose-gc for the heap figures. Each file prints its own figures.
 *
 * `npm run bench -- scheduler` runs only the files whose name contains "scheduler".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`${f} exited with ${r.status ?? r.signal}`);
  }
}
if (files.length === 0) console.log(`no benchmark matches ${filters.join(' ')}`);
process.exit(failed > 0 ? 1 : 0);
