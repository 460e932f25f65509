// The VS Code test host's install (test/host/install.js): what it hands to npm.
import * as assert from 'assert';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const install = require(path.join(REPO, 'test', 'host', 'install.js')) as { inheritedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv };

describe('the VS Code test host install', () => {
  it("drops the outer npm's user agent, which would tell code-server's postinstall the wrong Node, and keeps the registry", () => {
    const env = install.inheritedEnv({
      PATH: '/usr/bin',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_node_execpath: '/usr/bin/node',
      npm_config_registry: 'http://registry.example/',
    });
    assert.deepStrictEqual(env, { PATH: '/usr/bin', npm_config_registry: 'http://registry.example/' });
  });
});
