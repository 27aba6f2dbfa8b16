import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './context';
import type { MaybeDeferred } from './deferred';

/** The service that answers one contract method; the router adds validation, transaction, envelope. */
export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInput<M>,
) => MaybeDeferred<MethodResult<M>>;

/** A domain's handlers.ts: every method it answers, each typed by the contract. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

/** Every method under the given prefixes (`'stock'` → `stock.items`, `stock.receive` …). */
export type MethodsOf<Prefix extends string> = Extract<MethodName, `${Prefix}.${string}`>;
