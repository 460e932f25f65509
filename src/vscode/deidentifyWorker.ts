/**
 * The worker thread that runs the de-identifier for the editor (dist/deidentify-worker.js),
 * so the extension host's own thread never waits while the word lists load. It gets a
 * section's text and gives back the de-identified result; a failure comes back as its
 * kind alone, since a message could quote the note.
 */
import { parentPort } from 'worker_threads';
import type * as Core from '../core/supervision/deidentify';

/** Loaded on the first request: dist/deidentify.js, beside this file. */
function loadCore(): typeof Core {
  return require('../core/supervision/deidentify') as typeof Core;
}

let core: typeof Core | undefined;

parentPort?.on('message', (m: { id: number; text: string; client: string; noted?: string }) => {
  try {
    core ??= loadCore();
    parentPort?.postMessage({ id: m.id, result: core.deidentifyText(m.text, m.client, m.noted) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.name : 'Error' });
  }
});
