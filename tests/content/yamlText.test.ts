import assert from 'node:assert/strict';
import { parseYaml, stringifyYaml } from '../../src/content/yamlText.js';

describe('content YAML', () => {
  it('reads dates, yes/no and times as the text an editor typed', () => {
    assert.deepEqual(parseYaml('reviewed: 2026-11-21\nopen: yes\nstarts: 18:30\ncount: 3\n'), {
      reviewed: '2026-11-21',
      open: 'yes',
      starts: '18:30',
      count: 3,
    });
  });

  it('refuses a key written twice, saying where', () => {
    assert.throws(() => parseYaml('id: a\nid: b\n'), /duplicated mapping key.*2:1/s);
  });

  it('writes YAML that reads back the same', () => {
    const data = { id: 'x', lines: ['one: two', "it's", '- dash'], n: 1, when: '2026-01-02' };
    assert.deepEqual(parseYaml(stringifyYaml(data)), data);
  });
});
