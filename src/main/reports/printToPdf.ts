import type { ExportedFile } from '../../shared/accounts';
import type { CallerPlatform } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';

/** The calling window as a PDF, made by the shell after the call returns to the event loop. */
export function printToPdf(
  ctx: { platform: CallerPlatform },
  input: { filename: string },
): Deferred<ExportedFile> {
  const print = ctx.platform.printToPdf;
  if (!print) {
    throw new DomainError('NOT_AVAILABLE', 'This shell cannot print to PDF; use Print instead');
  }
  return new Deferred(async () => ({
    filename: input.filename,
    mime: 'application/pdf',
    base64: (await print()).toString('base64'),
  }));
}
