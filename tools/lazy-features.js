// The extension's features that load when first needed, each its own bundle beside
// dist/extension.js: src/vscode/features require them by these names ('./cues.js', ...).
// Shared by esbuild.js and the tests that build or check the bundles.
'use strict';

/** Bundle name (dist/<name>.js) → its entry. */
const LAZY_FEATURES = {
  // Cue hints, with the first markdown document open.
  cues: 'src/vscode/cueHints.ts',
  // The export's editor side, at the export commands.
  supervision: 'src/vscode/supervision.ts',
  // The built-in templates in four languages and their rendering, when a template is needed.
  templates: 'src/core/reflection/templates.ts',
  // The checklist before a session, at its commands.
  checklist: 'src/vscode/checklist.ts',
  // Recording a feedback score, at its command.
  feedback: 'src/vscode/feedback.ts',
  // The lenses, `#` completions and insert commands, when VS Code first asks for one.
  reflection: 'src/vscode/reflectionEditor.ts',
  // The reasons in the display language, when one is first shown.
  reasons: 'src/vscode/reasons.ts',
  // A new session note, at its command.
  sessionNote: 'src/vscode/sessionNote.ts',
};

/** What every bundle of the extension leaves to be loaded at run time: the editor's API and our sibling bundles. */
const EXTERNAL = ['vscode', './patterns.js', ...Object.keys(LAZY_FEATURES).map((name) => `./${name}.js`)];

module.exports = { LAZY_FEATURES, EXTERNAL };
