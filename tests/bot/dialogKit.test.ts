// The dialogs load botbuilder-dialogs class by class (src/bot/dialogKit.ts). These fail if an
// upgrade moves a class, or if something loads the package's index (and its 10 MB of recognisers).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as dialogsIndex from 'botbuilder-dialogs';
import * as kit from '../../src/bot/dialogKit.js';
import { projectRoot } from '../../src/paths.js';

describe('dialog kit', () => {
  it('hands out the very classes the botbuilder-dialogs package exports', () => {
    for (const [name, value] of Object.entries(kit)) {
      assert.ok(value !== undefined, `${name} is defined`);
      assert.equal(value, (dialogsIndex as Record<string, unknown>)[name], `${name} is the package's own`);
    }
    assert.ok(Object.keys(kit).length >= 7);
  });

  it('lets the service start without the Recognizers Text suite', async () => {
    const app = path.join(projectRoot, 'dist/src/app.js');
    const script = `await import(${JSON.stringify(app)});
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        suite: loaded.some((f) => f.includes('recognizers-text-suite')),
        dialogsIndex: loaded.some((f) => f.endsWith(${JSON.stringify(path.join('botbuilder-dialogs', 'lib', 'index.js'))})),
        componentDialog: loaded.some((f) => f.endsWith('componentDialog.js')),
      }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
    });
    assert.deepEqual(JSON.parse(stdout.trim().split('\n').pop()!), {
      suite: false,
      dialogsIndex: false,
      componentDialog: true,
    });
  });
});
