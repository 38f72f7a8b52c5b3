import { startTeamServer } from '../../electron/teamServer/teamServer.js';

/**
 * The team server as the crash test and the bench run it: a child process it kills with SIGKILL. Small
 * compaction thresholds so kills also land during compaction and file rewrites.
 */
const [workspace, port, mode] = process.argv.slice(2);
const server = await startTeamServer({
  workspace: workspace!,
  port: Number(port),
  // "defaults": the bench measures the server as shipped.
  room: mode === 'defaults' ? {} : { settleMs: 100, maxLagMs: 400, compactRecords: 25, compactBytes: 64 * 1024 },
  log: () => {},
});
process.stdout.write(`ready ${server.port}\n`);
