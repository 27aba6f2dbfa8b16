import type { AppInfo, RuntimeVersions } from '../../shared/domain';
import { SCHEMA_VERSION } from '../db/migrations';
import { countUsers } from '../accounts/users';
import { listSites } from '../registry/sites';
import type { HandlerContext } from '../services/context';

/** The versions main runs on: Node always, Electron and its Chromium in the Electron shell. */
export function runtimeVersions(
  versions: NodeJS.ProcessVersions = process.versions,
): RuntimeVersions {
  const { node, electron, chrome } = versions as NodeJS.ProcessVersions & {
    electron?: string;
    chrome?: string;
  };
  return { node, ...(electron ? { electron } : {}), ...(chrome ? { chrome } : {}) };
}

/**
 * Whether the caller may see where the data lives and what it runs on: this PC always, another PC
 * through the host only once signed in (app.info is public, and the host listens on the LAN).
 */
const mayKnowInternals = (ctx: HandlerContext): boolean =>
  ctx.session.device.via !== 'host' || ctx.actor !== null;

/** What the window needs before anything else: the shell, the data folder and whether setup is due. */
export function appInfo(ctx: HandlerContext): AppInfo {
  return {
    version: ctx.version,
    schemaVersion: SCHEMA_VERSION,
    ...(mayKnowInternals(ctx) ? { runtime: runtimeVersions(), dataDir: ctx.dataDir } : {}),
    shell: ctx.shell,
    hasSite: listSites(ctx, { includeRetired: false }).length > 0,
    needsSetup: countUsers(ctx.db) === 0,
    readOnly: ctx.readOnly ?? false,
    diskFull: ctx.diskFull ?? false,
    recovery: false,
  };
}
