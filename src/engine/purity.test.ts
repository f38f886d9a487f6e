// The engine is pure and deterministic: no wall clock, no Math.random, no host timers,
// no DOM and no React anywhere in src/engine. Every non-test source file is scanned
// (comments are ignored, code inside template literals is not), and the scanner itself
// is tested below so a regression in it cannot quietly pass everything.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\s*\.\s*now\b/, 'Date.now'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bDate\s*\(\s*\)/, 'Date()'],
  [/\bMath\s*\.\s*random\b/, 'Math.random'],
  [/\bMath\s*\[/, 'Math[...] (computed access hides Math.random)'],
  [/\bperformance\b/, 'performance'],
  [/\bcrypto\s*\.\s*(getRandomValues|randomUUID)\b/, 'crypto randomness'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|requestIdleCallback)\b/, 'host timers'],
  [/\bprocess\s*\.\s*(hrtime|uptime|nextTick)\b/, 'process clock'],
  [/\b(window|document|self|navigator|localStorage|sessionStorage|indexedDB)\s*\./, 'browser globals'],
  [/\bglobalThis\b/, 'globalThis'],
  [/from\s+['"](react|react-dom)(\/[^'"]*)?['"]/, 'React'],
  [/from\s+['"](\.\.\/)+(app|worker|protocol|lessons)\b/, 'an upper layer'],
  [/from\s+['"]node:/, 'Node built-ins'],
];

/** The code of a TypeScript source with comments and plain string contents blanked out. */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      // Keep the quotes (import paths are matched on them) but blank what is inside.
      const start = i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      const body = text.slice(start + 1, i);
      out += c + (isImportPath(out) ? body : ' '.repeat(body.length)) + c;
      i++;
    } else {
      // Template literals stay as they are: ${…} holds code.
      out += c;
      i++;
    }
  }
  return out;
}

function isImportPath(before: string): boolean {
  return /\b(from|import)\s*$/.test(before);
}

/** Every rule a source breaks, as "what (line N)". */
function violations(text: string): string[] {
  const code = codeOnly(text);
  const lines = code.split('\n');
  const found: string[] = [];
  for (const [re, what] of FORBIDDEN) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) found.push(`${what} (line ${i + 1})`);
  }
  return found;
}

/** Every .ts/.tsx file under dir except tests. */
function engineSources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return engineSources(p);
      return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith('.d.ts') ? [p] : [];
    });
}

describe('the purity scanner', () => {
  it.each([
    ['const x = Math.random();', 'Math.random'],
    ['const r = Math.random;', 'Math.random'],
    ["const r = Math['random']();", 'Math[...]'],
    ['const t = Date.now();', 'Date.now'],
    ['const d = new Date();', 'new Date()'],
    ['const t = performance.now();', 'performance'],
    ['setTimeout(() => 1, 10);', 'host timers'],
    ['queueMicrotask(f);', 'host timers'],
    ['const w = window.innerWidth;', 'browser globals'],
    ['const g = globalThis.Math;', 'globalThis'],
    ["import { useState } from 'react';", 'React'],
    ["import { x } from '../app/store';", 'an upper layer'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text with a template literal
    ['const s = `${Math.random()}`;', 'Math.random'],
  ])('flags %s', (src, what) => {
    expect(violations(`const a = 1;\n${src}\n`).join()).toContain(what);
  });

  it.each([
    '// Date.now() would break replays',
    '/* never Math.random() here */',
    "const msg = 'use setTimeout? no: ctx.after';",
    'const d = new Date(EPOCH_MS + ms);',
    'const ms = Date.parse(ts) - EPOCH_MS;',
    'const e = Date.UTC(2026, 0, 1);',
  ])('allows %s', (src) => {
    expect(violations(src)).toEqual([]);
  });

  it('reports the line', () => {
    expect(violations('a;\nb;\nconst x = Math.random();')).toEqual(['Math.random (line 3)']);
  });
});

describe('src/engine purity', () => {
  const root = __dirname;
  const files = engineSources(root);
  const rel = files.map((f) => relative(root, f));

  it('scans every non-test engine source, in every folder', () => {
    for (const f of [
      'index.ts',
      'cluster.ts',
      'sim/clock.ts',
      'sim/rng.ts',
      'controllers/manager.ts',
      'api/store.ts',
    ]) {
      expect(rel).toContain(f);
    }
    for (const dir of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory())) {
      const hasSources = engineSources(join(root, dir)).length > 0;
      if (hasSources) expect(rel.some((f) => f.startsWith(`${dir}/`))).toBe(true);
    }
    expect(rel.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it.each(rel)('%s uses no wall clock, randomness, host timers, DOM or upper layer', (f) => {
    expect(violations(readFileSync(join(root, f), 'utf8'))).toEqual([]);
  });
});
