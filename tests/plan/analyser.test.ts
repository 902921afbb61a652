import assert from 'node:assert/strict';
import { knowledgeDir } from '../../src/paths.js';
import { loadPlanGuide, type PlanGuide } from '../../src/plan/planGuide.js';

describe('plan search: words, acronyms and typos', () => {
  let guide: PlanGuide;
  before(async () => {
    guide = await loadPlanGuide(knowledgeDir);
  });

  const answerTo = (q: string) => {
    const reply = guide.ask(q);
    assert.equal(reply.kind, 'answer', `"${q}" should be answered`);
    return reply.kind === 'answer' ? `${reply.passage.heading}\n${reply.passage.text}` : '';
  };

  const acronyms: [string, string, RegExp][] = [
    ['VAWG', 'violence against women and girls', /violence against women and girls/i],
    ['SVSNA', 'serious violence strategic needs assessment', /serious violence strategic needs assessment/i],
    ['CCHI', 'Cambridge Crime Harm Index', /Cambridge Crime Harm Index/],
    ['ASB', 'anti-social behaviour', /Anti-Social Behaviour|antisocial behaviour/i],
    [
      'CAPRICORN',
      'collaborative approaches to preventing offending and reoffending by children',
      /CAPRICORN/,
    ],
    ['ICB', 'integrated care board', /Integrated Care Board/],
    ['MOPAC', "mayor's office for policing and crime", /MOPAC/],
    ['VVRAP', 'violence and vulnerability reduction action plan', /VVRAP/],
  ];
  for (const [acronym, expansion, expected] of acronyms) {
    it(`finds ${acronym} by its letters and by its words`, () => {
      assert.match(answerTo(`what is the ${acronym}?`), expected);
      assert.match(answerTo(`what about the ${expansion}?`), expected);
    });
  }

  it('reads commitment codes however they are written', () => {
    for (const q of ['commitment 2c', 'priority 2 commitment c', 'what is 2(c)?', 'priority two, item c']) {
      assert.match(answerTo(q), /^2c\. /, q);
    }
    assert.match(answerTo('what does priority 4 (j) say'), /^4j\. /);
  });

  it('forgives small spelling mistakes', () => {
    assert.match(answerTo('what is the bystnader approach'), /bystander/);
    assert.match(answerTo('cross cuting themse'), /six cross-cutting themes/);
    assert.match(answerTo('definition of vulnerabilty'), /cannot protect themselves/);
  });

  it('understands the 5Cs written in different ways', () => {
    for (const q of ['5Cs', 'the five Cs', "what are the 5 C's"])
      assert.match(answerTo(q), /Collaboration/, q);
  });
});
