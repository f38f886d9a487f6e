// The engine is pure and deterministic: no wall clock, no Math.random, no timers,
// no DOM and no React anywhere in src/engine (tests included only where they say so).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bset(Timeout|Interval|Immediate)\s*\(/, 'host timers'],
  [/\b(window|document|self|navigator|localStorage)\./, 'browser globals'],
  [/from ['"](react|react-dom)['"]/, 'React'],
  [/from ['"]\.\.\/(app|worker|protocol|lessons)\b/, 'an upper layer'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('src/engine purity', () => {
  const files = sources(join(__dirname));
  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files) {
    it(`${file.slice(file.indexOf('src/engine'))} uses no wall clock, randomness, DOM or upper layer`, () => {
      const text = readFileSync(file, 'utf8');
      for (const [re, what] of FORBIDDEN) {
        expect(re.test(text), `${what} in ${file}`).toBe(false);
      }
    });
  }
});
