import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services.js';
import { dispatch } from '../../electron/dispatch.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { IMPORT_CHUNK_BYTES, type ImportJobStatus } from '../../shared/import/types.js';
import type { HostServices } from '../../electron/services.js';
import { useTempDirs } from '../support/tempDir.js';
import { HOSTILE_FILES } from '../support/hostileDocx.js';

/**
 * The import methods of the host contract, through dispatch (argument schemas included) on
 * real temp folders: upload in pieces, a job polled to its preview, then commit. The worker
 * thread is exercised end to end by the browser-host tests (tests/e2e/import.spec.ts); here the
 * same work runs in-line.
 */
const tempDir = useTempDirs();

async function services(): Promise<{ handlers: HostServices; workspace: string }> {
  const workspace = await tempDir('import-ws');
  const handlers = createServices({ platform: { host: 'browser', appVersion: 'test', dataDir: await tempDir('import-data'), trash: moveToFolderTrash }, workspaceOverride: workspace, importRunner: 'inline' });
  return { handlers, workspace };
}

async function call<T>(handlers: HostServices, method: string, args: unknown): Promise<T> {
  const outcome = await dispatch(handlers, method, args);
  if (outcome.kind !== 'done') throw new Error(`${method}: ${outcome.kind} ${JSON.stringify('envelope' in outcome ? outcome.envelope : '')}`);
  if (!outcome.envelope.ok) throw Object.assign(new Error(outcome.envelope.error.message), { code: outcome.envelope.error.code });
  return outcome.envelope.result as T;
}

async function upload(handlers: HostServices, bytes: Uint8Array, fileName: string): Promise<string> {
  let uploadId: string | null = null;
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    const chunk = Buffer.from(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES)).toString('base64');
    ({ uploadId } = await call<{ uploadId: string }>(handlers, 'importUpload', { uploadId, fileName, totalBytes: bytes.length, offset, chunk }));
  }
  return uploadId!;
}

async function finished(handlers: HostServices, jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await call<ImportJobStatus>(handlers, 'importStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/import', name)));

describe('import through the host contract', () => {
  it('uploads in pieces, shows the preview, and writes the pack only on commit', async () => {
    const { handlers, workspace } = await services();
    const uploadId = await upload(handlers, fixture('pandoc-report.docx'), 'pandoc-report.docx');
    const { jobId } = await call<{ jobId: string }>(handlers, 'importStart', { uploadId });
    const status = await finished(handlers, jobId);
    expect(status.state).toBe('ready');
    if (status.state !== 'ready') return;
    expect(status.analysis.parts.map((p) => p.title)).toEqual(['Introduction', 'Proposals']);
    expect(await readdir(workspace)).toEqual([]);
    const result = await call<{ kind: string; opened: { file: string } }>(handlers, 'importCommit', { jobId, target: { kind: 'new-pack' }, title: 'Connectivity briefing' });
    expect(result.opened.file).toBe('Connectivity briefing.briefing');
    const opened = await call<{ pack: { frontSheet: { title: string; status: string }; sections: unknown[] } }>(handlers, 'openPack', { file: result.opened.file });
    expect(opened.pack.frontSheet).toMatchObject({ title: 'Connectivity briefing', status: 'draft' });
    expect(opened.pack.sections).toHaveLength(2);
    // The job is finished: committing twice is refused, nothing more is written.
    await expect(call(handlers, 'importCommit', { jobId, target: { kind: 'new-pack' } })).rejects.toThrow(/no longer open/);
    expect(await readdir(workspace)).toEqual(['Connectivity briefing.briefing']);
  });

  it('imports into a template chosen by source and file, and gives an open pack its sections or content without writing', async () => {
    const { handlers, workspace } = await services();
    const start = async () => {
      const { jobId } = await call<{ jobId: string }>(handlers, 'importStart', { uploadId: await upload(handlers, fixture('docx-library-report.docx'), 'report.docx') });
      await finished(handlers, jobId);
      return jobId;
    };
    const templated = await call<{ opened: { pack: { template: { id: string }; sections: Array<{ title: string }> } } }>(handlers, 'importCommit', { jobId: await start(), target: { kind: 'template', source: 'built-in', file: 'gamechangers.briefing-template' }, restInto: 6 });
    expect(templated.opened.pack.template.id).toBe('builtin-gamechangers');
    expect(templated.opened.pack.sections).toHaveLength(7);
    const sections = await call<{ kind: string; sections: Array<{ title: string }> }>(handlers, 'importCommit', { jobId: await start(), target: { kind: 'open-pack', mode: 'new-sections' }, destinations: { 'part-1': { kind: 'skip' } } });
    expect(sections.sections.map((s) => s.title)).toEqual(['Summary', 'Recommendations', 'Delivery']);
    const nodes = await call<{ kind: string; nodes: Array<{ type: string; tag?: string }> }>(handlers, 'importCommit', { jobId: await start(), target: { kind: 'open-pack', mode: 'current-section' } });
    expect(nodes.kind).toBe('nodes');
    expect(nodes.nodes.filter((n) => n.type === 'heading' && n.tag === 'h2').length).toBeGreaterThanOrEqual(3);
    expect((await readdir(workspace)).filter((f) => f.endsWith('.briefing'))).toHaveLength(1);
  });

  it('a hostile file fails its job with its message, and nothing is written', async () => {
    const { handlers, workspace } = await services();
    for (const hostile of HOSTILE_FILES.filter((h) => h.reason !== 'too-large')) {
      const { jobId } = await call<{ jobId: string }>(handlers, 'importStart', { uploadId: await upload(handlers, await hostile.bytes(), hostile.name) });
      const status = await finished(handlers, jobId);
      expect(status).toMatchObject({ state: 'failed', error: { code: 'INVALID_FILE' } });
      if (status.state === 'failed') expect(status.error.message).toMatch(hostile.says);
      await expect(call(handlers, 'importCommit', { jobId, target: { kind: 'new-pack' } })).rejects.toThrow(/did not finish/);
    }
    expect(await readdir(workspace)).toEqual([]);
  });

  it('refuses a file over the limit before any of it is kept, pieces out of order, and pieces larger than allowed', async () => {
    const { handlers } = await services();
    await expect(call(handlers, 'importUpload', { uploadId: null, fileName: 'big.docx', totalBytes: 50 * 1024 * 1024, offset: 0, chunk: 'UEs=' })).rejects.toThrow(/“big\.docx” is 50 MB, larger than the 32 MB/);
    const first = await call<{ uploadId: string }>(handlers, 'importUpload', { uploadId: null, fileName: 'a.docx', totalBytes: 10, offset: 0, chunk: 'UEsDBA==' });
    await expect(call(handlers, 'importUpload', { uploadId: first.uploadId, fileName: 'a.docx', totalBytes: 10, offset: 9, chunk: 'AA==' })).rejects.toThrow(/out of order/);
    const tooBig = 'A'.repeat(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4);
    const outcome = await dispatch(handlers, 'importUpload', { uploadId: null, fileName: 'a.docx', totalBytes: 10, offset: 0, chunk: tooBig });
    expect(outcome.kind).toBe('invalid-arguments');
    await expect(call(handlers, 'importStart', { uploadId: first.uploadId })).rejects.toThrow(/not arrived completely/);
  });
});
