import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One message xmllint gave about one file: the line it names (if any) and the text. */
export interface LintMessage {
  line: number | null;
  message: string;
}

/**
 * Runs xmllint (Debian `libxml2-utils`) once over many XML texts: well-formedness only, or
 * validation against `schema` too. `--nonet` keeps it off the network (the schemas are all
 * local). Returns the messages for each input, in input order; an input with none is fine.
 */
export function runXmllint(texts: readonly string[], schema?: string): LintMessage[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-xmllint-'));
  try {
    const files = texts.map((text, i) => {
      const file = path.join(dir, `part${i}.xml`);
      writeFileSync(file, text);
      return file;
    });
    const args = ['--nonet', '--noout', '--huge', ...(schema ? ['--schema', schema] : []), ...files];
    const run = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error) {
      const code = (run.error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? 'xmllint is not installed (Debian package libxml2-utils).' : `xmllint could not run: ${run.error.message}`);
    }
    const byFile = new Map(files.map((file, i) => [file, i]));
    const messages: LintMessage[][] = texts.map(() => []);
    let last: LintMessage | null = null;
    for (const raw of run.stderr.split('\n')) {
      if (!raw) continue;
      if (raw.includes('Schemas parser warning')) continue; // "Skipping import …": expected for the shared imports
      if (raw.includes('Schemas parser error') || raw.startsWith('WXS schema')) throw new Error(`The OOXML schemas did not compile: ${raw}`);
      const verdict = /^(.*) (validates|fails to validate)$/.exec(raw);
      if (verdict && byFile.has(verdict[1]!)) continue;
      const located = /^(.*?):(\d+): (.*)$/.exec(raw);
      const index = located ? byFile.get(located[1]!) : undefined;
      if (located && index !== undefined) {
        last = { line: Number(located[2]), message: located[3]!.replace(/^(element \S+: )?(Schemas validity error|parser error|namespace error|validity error) : /, '') };
        messages[index]!.push(last);
      } else if (last && !/^\s*\^\s*$/.test(raw)) {
        // Parser errors quote the offending text on the next line (and a caret under it).
        if (last.message.length < 400) last.message += ` [${raw.trim().slice(0, 120)}]`;
      }
    }
    if (run.status !== 0 && messages.every((m) => m.length === 0)) throw new Error(`xmllint failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    return messages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
