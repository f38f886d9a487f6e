/**
 * The one-way ladder of layers (docs/ARCHITECTURE.md): the engine imports only itself,
 * `yaml` and `croner`; the app and the protocol see engine *types* only; the app never reaches
 * into the worker. A slip fails here instead of in review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
}

/** Every static import/export-from and dynamic import in a file. */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    out.push({ file, spec: m[3] ?? m[4], typeOnly: Boolean(m[2]) });
  }
  return out;
}

function layerOf(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec}`;
  const target = relative(SRC, resolve(dirname(file), spec));
  return target.split('/')[0];
}

function violations(layer: string, allowed: (imp: Import, target: string) => boolean): string[] {
  return sources(join(SRC, layer)).flatMap((file) =>
    importsOf(file, readFileSync(file, 'utf8'))
      .filter((imp) => !allowed(imp, layerOf(file, imp.spec)))
      .map((imp) => `${relative(SRC, file)} imports ${imp.typeOnly ? 'type ' : ''}${imp.spec}`),
  );
}

describe('layers', () => {
  // croner finds the next time a cron schedule fires (CronJob controller); it has no
  // dependencies, reads the time zone through Intl and is always handed the start instant.
  it('the engine imports only itself, yaml and croner', () => {
    const packages = new Set(['package:yaml', 'package:croner']);
    expect(violations('engine', (_i, t) => t === 'engine' || packages.has(t))).toEqual([]);
  });

  it('the protocol sees engine types only', () => {
    expect(violations('protocol', (i, t) => t === 'protocol' || (t === 'engine' && i.typeOnly))).toEqual([]);
  });

  it('the app sees the protocol and engine types, never engine values or the worker module', () => {
    expect(
      violations('app', (i, t) => {
        if (t === 'engine') return i.typeOnly;
        if (t === 'worker') return false;
        return true;
      }),
    ).toEqual([]);
  });

  it('the lesson runner uses the engine only through its public face, plus yaml', () => {
    expect(
      violations('lessons', (i, t) => {
        if (t === 'engine') return i.spec.endsWith('/engine/index');
        return t === 'lessons' || t === 'package:yaml';
      }),
    ).toEqual([]);
  });

  it('the scanner sees value and type imports apart', () => {
    const imps = importsOf('x.ts', "import type { A } from '../engine/a';\nimport { b } from '../engine/b';\n");
    expect(imps.map((i) => [i.spec, i.typeOnly])).toEqual([
      ['../engine/a', true],
      ['../engine/b', false],
    ]);
  });
});
