// A reporter for both Vitest and Playwright (each calls only its own hooks) that ends the run
// with every skipped test by name and, where given, why: the counts the built-in reporters
// print ("3 skipped") do not say which tests a machine left out. Used by `npm test`.
import path from 'node:path';

function print(kind, lines, count = lines.length) {
  if (!count) {
    console.log(`\n${kind}: no test skipped.`);
    return;
  }
  console.log(`\n${kind}: ${count} skipped on this machine:`);
  for (const line of lines) console.log(`  - ${line}`);
}

export default class SkippedTestsReporter {
  playwright = new Map();

  // Vitest: after the run, walk every module's tests.
  onTestRunEnd(testModules) {
    const lines = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests('skipped')) {
        if (test.options?.mode === 'todo') continue;
        lines.push(`${mod.relativeModuleId} › ${test.fullName}`);
      }
    }
    print('Unit tests', lines);
  }

  // Playwright: collect as tests end (each skip annotation carries the reason); the tests of a
  // file skipped for one reason are listed on one line, with the reason's first sentence once.
  onTestEnd(test, result) {
    if (result.status !== 'skipped') return;
    const file = path.relative(process.cwd(), test.location.file);
    const reason = [...(test.annotations ?? []), ...(result.annotations ?? [])].find((a) => a.type === 'skip' && a.description)?.description ?? '';
    const key = `${file}\u0000${/^[^.]*\.?/.exec(reason)[0].slice(0, 200)}`;
    const titles = this.playwright.get(key) ?? [];
    if (!titles.includes(test.title)) titles.push(test.title);
    this.playwright.set(key, titles);
  }

  onEnd() {
    const lines = [...this.playwright].map(([key, titles]) => {
      const [file, reason] = key.split('\u0000');
      return `${file}${reason ? ` (${reason})` : ''}: ${titles.join('; ')}`;
    });
    print('End-to-end tests', lines, [...this.playwright.values()].flat().length);
  }

  printsToStdio() {
    return false;
  }
}
