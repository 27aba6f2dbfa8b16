import type { ExportedFile } from '../../shared/accounts';
import { mayRevealPersonalNumbers } from '../../shared/permissions';
import type { ArchiveDomain } from '../../shared/privacy';
import { siteDay } from '../../shared/siteDate';
import type { HandlerContext } from '../services/context';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { ARCHIVE } from './archiveDomains';
import { archiveWorkbook } from './archiveWorkbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One domain of the district's archive as a workbook, numbers in full. Needs an administrator
 * (the method's permission) who may also reveal personal numbers; a refusal is audited as denied
 * and kept, the export is audited with its row counts before the file is made.
 */
export function exportArchive(
  ctx: HandlerContext,
  input: { domain: ArchiveDomain },
): Deferred<ExportedFile> {
  const { domain } = input;
  const spec = ARCHIVE[domain];
  if (!ctx.actor || !mayRevealPersonalNumbers(ctx.actor.roles)) {
    appendAudit(ctx.db, {
      at: isoNow(ctx),
      actor: ctx.actor,
      method: 'archive.export',
      outcome: 'denied',
      detail: `${domain}: needs personal.reveal`,
    });
    throw new DomainError(
      'FORBIDDEN',
      'Not allowed: personal.reveal',
      { permission: 'personal.reveal' },
      undefined,
      true,
    );
  }
  const rows = spec.sheets.map(
    (s) =>
      `${s.table} ${ctx.db.prepare(`SELECT count(*) FROM ${s.table}`).pluck().get() as number}`,
  );
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'archive.export',
    outcome: 'ok',
    detail: `${domain}: archive with full personal numbers; ${rows.join(', ')}`,
  });
  const filename = `隔离点归档_${spec.file}_${siteDay(ctx.now())}.xlsx`;
  return new Deferred(async () => {
    const { buffer } = await archiveWorkbook(ctx.db, spec.sheets);
    return { filename, mime: XLSX, base64: buffer.toString('base64') };
  });
}
