/**
 * Catches any way out of the machine that Attune's own code takes while the suite runs.
 * The Node modules are patched before Attune activates; a call counts as Attune's when
 * its stack passes through the bundled extension. VS Code's own traffic is let through.
 */
// `import x = require()` keeps the real module objects: a namespace import would be a copy,
// and patching a copy would catch nothing.
import dgram = require('dgram');
import http = require('http');
import https = require('https');
import net = require('net');
import tls = require('tls');
import * as path from 'path';

const calls: string[] = [];
/** The bundle under test, by absolute path: other extensions have a dist/extension.js too. */
const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'extension.js');
const ours = (stack: string): boolean => stack.includes(BUNDLE);

function wrap<T extends object>(target: T, name: string, label: string): void {
  const original = (target as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  const replacement = function (this: unknown, ...args: unknown[]): unknown {
    const stack = new Error().stack ?? '';
    if (ours(stack)) calls.push(`${label}.${name}`);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  try {
    Object.defineProperty(target, name, { value: replacement, configurable: true, writable: true });
  } catch {
    // A frozen export cannot be patched; the bundle scan in the unit tests still covers it.
  }
}

export function installNetworkGuard(): void {
  for (const name of ['request', 'get']) {
    wrap(http, name, 'http');
    wrap(https, name, 'https');
  }
  for (const name of ['connect', 'createConnection']) {
    wrap(net, name, 'net');
    wrap(tls, name, 'tls');
  }
  wrap(dgram, 'createSocket', 'dgram');
  const g = globalThis as Record<string, unknown>;
  for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest']) {
    const original = g[name];
    if (typeof original !== 'function') continue;
    g[name] = new Proxy(original, {
      apply(target, self, args) {
        if (ours(new Error().stack ?? '')) calls.push(name);
        return Reflect.apply(target as (...a: unknown[]) => unknown, self, args);
      },
      construct(target, args) {
        if (ours(new Error().stack ?? '')) calls.push(name);
        return Reflect.construct(target as new (...a: unknown[]) => object, args);
      },
    });
  }
}

/** Every network call Attune made since the guard went up. */
export function networkCalls(): readonly string[] {
  return calls;
}
