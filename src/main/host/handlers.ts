import type { HostOverview, HostSettings, HostStatus } from '../../shared/host';
import type { HandlerContext, HostControl } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { hostAddresses } from './addresses';
import { readHostSettings, writeHostSettings } from './hostSettings';

function controlOf(ctx: HandlerContext): HostControl {
  if (!ctx.host) throw new DomainError('NOT_AVAILABLE', 'Host mode is not available here');
  return ctx.host;
}

/** Where no core runs, nothing is served. */
const NOT_RUNNING: HostStatus = { running: false, urls: [], fingerprint: null };

export function hostOverview(ctx: HandlerContext): HostOverview {
  const settings = readHostSettings(ctx.db);
  return (
    ctx.host?.overview(settings) ?? {
      settings,
      addresses: hostAddresses(),
      status: NOT_RUNNING,
      problem: null,
    }
  );
}

export function hostStatus(ctx: HandlerContext): HostStatus {
  return ctx.host?.status() ?? NOT_RUNNING;
}

/**
 * Saved in the call's transaction; the listener follows once it committed. An address that is
 * not this PC's is refused with nothing saved. A port that is taken is no refusal: the settings
 * stand (host mode starts at the next start-up) and the overview says what is in the way.
 */
export function setHost(ctx: HandlerContext, input: HostSettings): Deferred<HostOverview> {
  const control = controlOf(ctx);
  const { addresses } = control.overview(input);
  if (input.address !== '' && !addresses.includes(input.address)) {
    throw new DomainError('HOST_ADDRESS_UNKNOWN', `${input.address} is not an address of this PC`, {
      address: input.address,
    });
  }
  writeHostSettings(ctx.db, input);
  const settings = readHostSettings(ctx.db);
  return new Deferred(async () => {
    await control.apply(settings);
    return control.overview(settings);
  });
}

export const hostHandlers: HandlerMap<MethodsOf<'host'>> = {
  'host.get': hostOverview,
  'host.status': hostStatus,
  'host.set': setHost,
};
