import type { MethodName, MethodResult, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './context';
import type { MaybeDeferred } from './deferred';

/**
 * How one contract method is served: `(ctx, input)`, the actor on `ctx`. The router adds
 * validation, the transaction and the envelope.
 */
export type Handler<M extends MethodName> = (
  ctx: HandlerContext,
  input: ParsedInput<M>,
) => MaybeDeferred<MethodResult<M>>;

/**
 * A domain's share of the router: each entry is checked against its own method's input and result;
 * `ipc/handlers.ts` spreads the domains and checks that every method has exactly one.
 */
export type DomainHandlers = { [M in MethodName]?: Handler<M> };

/** A domain's handlers.ts: every method it answers, each typed by the contract. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

/** Every method under the given prefixes (`'stock'` → `stock.items`, `stock.receive` …). */
export type MethodsOf<Prefix extends string> = Extract<MethodName, `${Prefix}.${string}`>;
