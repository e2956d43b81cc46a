/**
 * Regression: every fresh instance of the CLI module used to add its own
 * stdout 'error' listener, so a process (or a jest worker) that loaded it
 * more than ten times printed MaxListenersExceededWarning to stderr.
 */
test('loading and running the CLI many times adds one stdout error listener in all', async () => {
  const before = process.stdout.listenerCount('error');
  const ew = process.stderr.write.bind(process.stderr);
  const ow = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    for (let i = 0; i < 12; i++) {
      let mod: typeof import('../../src/cli/main') | undefined;
      jest.isolateModules(() => {
        mod = require('../../src/cli/main') as typeof import('../../src/cli/main');
      });
      await mod!.main(['--version']);
    }
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
  expect(process.stdout.listenerCount('error') - before).toBeLessThanOrEqual(1);
});
