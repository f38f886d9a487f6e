// docs/images.md is the catalog as lesson writers read it: it must match the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderImagesDoc } from './doc';

const DOC = join(__dirname, '../../../docs/images.md');

describe('docs/images.md', () => {
  it('is generated from the catalog (run with UPDATE_DOCS=1 to refresh)', () => {
    const want = renderImagesDoc();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, want);
    expect(readFileSync(DOC, 'utf8')).toBe(want);
  });

  it('lists every repository the kubernetes.io examples use', () => {
    const doc = renderImagesDoc();
    for (const name of ['`nginx`', '`busybox`', '`registry.k8s.io/goproxy`', '`vish/stress`', '`playground/web`']) {
      expect(doc).toContain(name);
    }
  });
});
