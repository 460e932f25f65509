import * as assert from 'assert';
import { buildChecklist } from '../../src/core/checklist';
import { BUILT_IN_TEMPLATES, findTemplate, renderMarkdown, SAFETY_FIRST } from '../../src/core/templates';
import { TODAY } from './helpers';

function rendered(id: string): string {
  const t = findTemplate(BUILT_IN_TEMPLATES, id);
  assert.ok(t, id);
  return renderMarkdown(t, { client: 'K7', title: 'The fee talk' }, TODAY);
}

/** The lines of a rendered template after its heading, blank lines dropped. */
function bodyLines(id: string): string[] {
  return rendered(id).split('\n').slice(1).filter((l) => l.trim() !== '');
}

describe('risk comes first', () => {
  it('says in one plain sentence that rupture work waits when there is acute risk', () => {
    assert.match(SAFETY_FIRST, /acute risk/);
    assert.match(SAFETY_FIRST, /suicide/);
    assert.match(SAFETY_FIRST, /violence/);
    assert.match(SAFETY_FIRST, /crisis/);
    assert.match(SAFETY_FIRST, /rupture work waits/);
    assert.strictEqual(SAFETY_FIRST.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, 1, 'one sentence');
  });

  it('puts it first in the checklist, the repair conversation card and the repair plan', () => {
    const { markdown } = buildChecklist({ client: 'K7', today: TODAY, entries: [], notePath: 'K7/x.md', checks: '- [ ] Breathe.' });
    assert.strictEqual(markdown.split('\n\n')[1], SAFETY_FIRST);
    assert.strictEqual(bodyLines('repair-conversation')[0], SAFETY_FIRST);
    assert.strictEqual(bodyLines('repair-plan')[0], `_${SAFETY_FIRST}_`);
  });
});
