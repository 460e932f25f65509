import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

/**
 * ESLint covers the JavaScript too (issue 28): the Node scripts of the build, the tools and
 * the test runners are linted, and a script that reaches for the network is reported.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('ESLint on the JavaScript files', () => {
  const eslint = new ESLint({ cwd: ROOT });

  it('lints the build, the tools and the test scripts, not only the TypeScript', async () => {
    for (const file of ['esbuild.js', 'tools/dead-exports.js', 'test/run-all.js', 'test/browser/flows.js', 'test/unit/.mocharc.slow.js', 'eslint.config.mjs']) {
      assert.strictEqual(await eslint.isPathIgnored(path.join(ROOT, file)), false, file);
    }
  });

  it('reports a Node script using fetch, an unknown name, or sloppy mode', async () => {
    const [result] = await eslint.lintText("const unused = 1;\nfetch('https://example.org');\n", { filePath: path.join(ROOT, 'tools', 'made-up.js') });
    const rules = result.messages.map((m) => m.ruleId).sort();
    assert.deepStrictEqual(rules, ['no-undef', 'no-unused-vars', 'strict']);
  });
});
