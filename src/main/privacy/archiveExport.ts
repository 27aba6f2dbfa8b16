import type { ExportedFile } from '../../shared/accounts';
import { mayRevealPersonalNumbers } from '../../shared/permissions';
import type { ArchiveDomain, ArchiveProtection } from '../../shared/privacy';
import { siteDay } from '../../shared/siteDate';
import type { HandlerContext } from '../services/context';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { ARCHIVE } from './archiveDomains';
import { archiveWorkbook } from './archiveWorkbook';
import { zipWithPassword } from './encryptedZip';
import { isCommonPassword } from '../accounts/passwords';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the audit trail says of how the file left the desk (never the password). */
const PROTECTION_DETAIL: Record<ArchiveProtection['kind'], string> = {
  zip: 'in an AES-256 zip with a password typed at export',
  plain: 'as a plain workbook: the administrator chose to protect the file themselves',
};

function refuseGuessablePassword(ctx: HandlerContext, protection: ArchiveProtection): void {
  if (protection.kind !== 'zip') return;
  const { password } = protection;
  if (isCommonPassword(password) || password.toLowerCase() === ctx.actor?.username.toLowerCase()) {
    throw new DomainError(
      'WEAK_PASSWORD',
      'This password is too common',
      {},
      {
        'protection.password': 'password_common',
      },
    );
  }
}

/**
 * One domain of the district's archive as a workbook, numbers in full. Needs an administrator
 * (the method's permission) who may also reveal personal numbers; a refusal is audited as denied
 * and kept, the export is audited with its row counts before the file is made.
 */
export function exportArchive(
  ctx: HandlerContext,
  input: { domain: ArchiveDomain; protection: ArchiveProtection },
): Deferred<ExportedFile> {
  const { domain, protection } = input;
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
  refuseGuessablePassword(ctx, protection);
  const rows = spec.sheets.map(
    (s) =>
      `${s.table} ${ctx.db.prepare(`SELECT count(*) FROM ${s.table}`).pluck().get() as number}`,
  );
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'archive.export',
    outcome: 'ok',
    detail: `${domain}: archive with full personal numbers ${PROTECTION_DETAIL[protection.kind]}; ${rows.join(', ')}`,
  });
  const workbookName = `隔离点归档_${spec.file}_${siteDay(ctx.now())}.xlsx`;
  return new Deferred(async () => {
    const { buffer } = await archiveWorkbook(ctx.db, spec.sheets);
    if (protection.kind === 'plain') {
      return { filename: workbookName, mime: XLSX, base64: buffer.toString('base64') };
    }
    const zip = await zipWithPassword(workbookName, buffer, protection.password);
    return {
      filename: workbookName.replace(/\.xlsx$/, '.zip'),
      mime: 'application/zip',
      base64: zip.toString('base64'),
    };
  });
}
