import type * as Templates from '../core/reflection/templates';

/**
 * The built-in templates in four languages and how a template is rendered are their own
 * bundle (dist/templates.js), loaded when a template is first needed (a `#` completion, an
 * insert, a new note, the repair guide), never at activation.
 */
export function templateCode(): typeof Templates {
  return require('./templates.js') as typeof Templates;
}
