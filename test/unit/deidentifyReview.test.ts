// Issue 24, item 3, and issue 25, item 11: the review before a supervision draft is copied.
// Copy is offered only when every marked spot is answered and every check is ticked on its
// own; a kept spot is named for another look; the draft's question for supervision shows.
import * as assert from 'assert';
import { canCopy, readReviewMessage, REVIEW_ITEMS, reviewHtml, reviewStatus, type ReviewState } from '../../src/vscode/supervisionReview';
import { questionIn } from '../../src/core/supervision/deidentifySection';

const allTicked = REVIEW_ITEMS.map(() => true);
const spot = { line: 3, words: 'Quexby', reason: 'a capitalised word that is neither an ordinary word nor a known term' };

function copyButton(state: ReviewState): string {
  const m = /<button id="copy"[^>]*>/.exec(reviewHtml(state, 'n0nce'));
  assert.ok(m);
  return m[0];
}

describe('supervision review', () => {
  it('asks about consent to consult, the least needed and the channel, among its checks', () => {
    const labels = REVIEW_ITEMS.map((i) => `${i.label}: ${i.detail}`).join('\n');
    assert.match(labels, /knows that I consult or take supervision/);
    assert.match(labels, /the least that serves my question/);
    assert.match(labels, /clipboard history, email and AI tools keep copies/);
  });

  it('Copy is disabled while a spot is unanswered, even with every check ticked', () => {
    const state: ReviewState = { spots: [spot], kept: 0, ticked: allTicked };
    assert.strictEqual(canCopy(state), false);
    assert.match(copyButton(state), /disabled/);
    assert.match(reviewStatus(state).join(' '), /1 spot is still marked in the draft\. Answer each one/);
  });

  it('Copy is disabled until the last check is ticked', () => {
    for (let i = 0; i < REVIEW_ITEMS.length; i++) {
      const ticked = REVIEW_ITEMS.map((_, j) => j !== i);
      const state: ReviewState = { spots: [], kept: 0, ticked };
      assert.strictEqual(canCopy(state), false, `check ${i} unticked`);
      assert.match(copyButton(state), /disabled/);
      assert.match(reviewStatus(state).join(' '), /1 check still to tick/);
    }
    const done: ReviewState = { spots: [], kept: 0, ticked: allTicked };
    assert.strictEqual(canCopy(done), true);
    assert.doesNotMatch(copyButton(done), /disabled/);
  });

  it('has a checkbox per check and no way to tick them all at once', () => {
    const html = reviewHtml({ spots: [spot], kept: 0, ticked: [] }, 'n0nce');
    assert.strictEqual((html.match(/type="checkbox"/g) ?? []).length, REVIEW_ITEMS.length);
    assert.doesNotMatch(html, /toggle all|select all|tick all/i);
    assert.strictEqual(readReviewMessage({ type: 'tickAll' }), undefined);
    assert.strictEqual(readReviewMessage({ type: 'tick', index: 0 }), undefined, 'a tick says whether it is ticked');
    assert.deepStrictEqual(readReviewMessage({ type: 'tick', index: 2, checked: true }), { type: 'tick', index: 2, checked: true });
    assert.deepStrictEqual(readReviewMessage({ type: 'keep', index: 0 }), { type: 'keep', index: 0 });
  });

  it('never says nothing is left to check while a kept spot looks like a name, a number or a place', () => {
    const state: ReviewState = { spots: [], kept: 2, ticked: allTicked };
    const said = reviewStatus(state).join(' ');
    assert.match(said, /You kept 2 spots that look like a name, a number or a place\. Read them once more/);
    assert.doesNotMatch(said, /nothing (left )?to check/i);
    assert.doesNotMatch(reviewStatus({ spots: [], kept: 0, ticked: allTicked }).join(' '), /nothing (left )?to check/i);
  });

  it('lists each spot with its own Replace and Keep, escaped, under a strict policy with a nonce', () => {
    const html = reviewHtml({ spots: [{ ...spot, words: '<b>Quexby</b>' }], kept: 0, ticked: [] }, 'n0nce');
    assert.match(html, /default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'/);
    assert.ok(html.includes('&lt;b&gt;Quexby&lt;/b&gt;') && !html.includes('<b>Quexby'));
    assert.match(html, /data-type="replace" data-index="0"/);
    assert.match(html, /data-type="keep" data-index="0"/);
    assert.doesNotMatch(html, /https?:\/\//, 'nothing remote');
  });

  it('shows the question for supervision the draft holds', () => {
    const draft = '## A miss #rupture/open\n- **Take it to supervision?** yes\n- **My question for supervision:** How do I raise it without pressing?\n';
    assert.strictEqual(questionIn(draft), 'How do I raise it without pressing?');
    assert.strictEqual(questionIn('- **My question for supervision:** (not filled in)\n'), undefined);
    const html = reviewHtml({ spots: [], kept: 0, ticked: [], question: 'How do I raise it without pressing?' }, 'n');
    assert.match(html, /My question for supervision:<\/strong> How do I raise it without pressing\?/);
    assert.match(reviewHtml({ spots: [], kept: 0, ticked: [] }, 'n'), /No question for supervision is written/);
  });
});
