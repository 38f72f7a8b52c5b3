import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The security scan stays offline (electron/tooling/securityScan.cjs): the network guard it
 * installs refuses and records every way out, and it catches exactly what Electronegativity
 * used to do on each run. `npm run test:security-scan` fails when anything tried.
 */
const guard = path.resolve('electron/tooling/noNetwork.cjs');
const node = (code: string) => spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 20_000 });

describe('the security scan does not reach for the network', () => {
  it('the guard refuses DNS, sockets, TLS, http(s) and fetch at once, and records each attempt', () => {
    const run = node(`
      const { installNetworkGuard } = require(${JSON.stringify(guard)});
      const attempts = installNetworkGuard();
      const started = Date.now();
      const failures = [];
      const note = (what) => (err) => failures.push(what + ': ' + (err && (err.cause?.message || err.message)));
      require('node:dns').lookup('example.org', (err) => note('dns')(err));
      require('node:net').connect(443, 'example.org').on('error', note('net'));
      require('node:https').get('https://example.org/').on('error', note('https'));
      require('node:http').get('http://example.org/').on('error', note('http'));
      fetch('https://example.org/').catch(note('fetch'));
      setTimeout(() => console.log(JSON.stringify({ attempts, failures, ms: Date.now() - started })), 500);
    `);
    const report = JSON.parse(run.stdout) as { attempts: string[]; failures: string[]; ms: number };
    expect(report.failures).toHaveLength(5);
    for (const failure of report.failures) expect(failure).toContain('Network access is switched off');
    expect(report.attempts).toEqual(expect.arrayContaining(['DNS lookup of example.org', 'socket to example.org:443', 'https request to https://example.org/', 'http request to http://example.org/', 'TLS to example.org:443']));
  });

  it('catches Electronegativity’s release-list download, which the scan now switches off with excludeFromScan', () => {
    const check = require.resolve('@doyensec/electronegativity/dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js');
    const run = node(`
      const { installNetworkGuard } = require(${JSON.stringify(guard)});
      const attempts = installNetworkGuard();
      global.__ = (s) => s;
      const exported = require(${JSON.stringify(check)}); const Check = exported.default ?? exported;
      new Check().updateReleasesList(false).then(() => console.log(JSON.stringify(attempts)));
    `);
    expect(run.stdout).toContain("Fetching Electron's new releases");
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual(expect.arrayContaining([expect.stringContaining('raw.githubusercontent.com')]));
    const scan = readFileSync('electron/tooling/securityScan.cjs', 'utf8');
    expect(scan).toContain("excludeFromScan: ['AvailableSecurityFixesGlobalCheck']");
    expect(scan).toMatch(/const networkAttempts = installNetworkGuard\(\);/);
  });
});
