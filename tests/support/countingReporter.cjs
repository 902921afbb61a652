// Mocha's spec output, followed by one closing line "N passed, N failed" that CI counts.
'use strict';
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // Printed after the spec summary so it is the last line of the run.
      process.nextTick(() => console.log(`${passes} passed, ${failures} failed, ${pending} skipped`));
    });
  }
}

module.exports = CountingReporter;
