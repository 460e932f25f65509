import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_FEATURES } = require(path.join(root, 'tools', 'lazy-features.js')) as { LAZY_FEATURES: Record<string, string> };

describe('the packaged extension', () => {
  it('holds only what a user needs: the bundle, the manifest, icons, screenshots, README with the docs pages it links to, and licence', function () {
    this.timeout(60000);
    const r = spawnSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const lazy = Object.keys(LAZY_FEATURES);
    const shipped =
      /^(dist\/(extension|patterns|patterns-view|patterns-charts|deidentify|deidentify-worker)\.js|dist\/deidentify-(words|tagger)\.br|package\.json|package\.nls(\.(de|es|fr))?\.json|l10n\/bundle\.l10n(\.(de|es|fr))?\.json|README\.md|docs\/[\w-]+\.md|LICENSE|CHANGELOG\.md|media\/(attune\.svg|icon\.png|screenshot-[\w-]+\.png|walkthrough\/((de|es|fr)\/)?[\w-]+\.(svg|md)))$/;
    const allowed = (file: string): boolean => lazy.some((name) => file === `dist/${name}.js`) || shipped.test(file);
    assert.deepStrictEqual(
      files.filter((f) => !allowed(f)),
      [],
      'nothing else is packaged',
    );
    for (const needed of [
      'dist/extension.js',
      'dist/patterns.js',
      'dist/patterns-view.js',
      'dist/patterns-charts.js',
      'dist/deidentify.js',
      'dist/deidentify-worker.js',
      'dist/deidentify-words.br',
      'dist/deidentify-tagger.br',
      // The features the extension loads when first needed (tools/lazy-features.js).
      ...lazy.map((name) => `dist/${name}.js`),
      'package.json',
      'package.nls.json',
      'media/icon.png',
      'media/attune.svg',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    // Attune: Help opens the README, whose links lead to these pages: none may be dead.
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const [, page] of readme.matchAll(/\]\((docs\/[\w-]+\.md)(?:#[\w-]*)?\)/g)) assert.ok(files.includes(page), `${page} is packaged`);
  });
});
