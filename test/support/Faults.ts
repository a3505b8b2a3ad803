import { Context, type Duration, Effect, Layer, Ref } from "effect"
import { Declined, type DeclineReason } from "../../src/domain/commerce/Payment.js"
import { Customers } from "../../src/orchestration/commerce/Customers.js"
import { Inventory } from "../../src/orchestration/commerce/Inventory.js"
import { Orders } from "../../src/orchestration/commerce/Orders.js"
import { PaymentGateway } from "../../src/orchestration/commerce/PaymentGateway.js"
import { PaymentGatewayError } from "../../src/orchestration/commerce/PaymentGatewayError.js"
import { RepositoryError } from "../../src/orchestration/shared/RepositoryError.js"

/** Where a fault can be injected: a method of a commerce port. */
export type FaultPoint =
  | "Customers.find"
  | "Inventory.levels"
  | "Inventory.reserve"
  | "Inventory.reserveBackorder"
  | "Inventory.commit"
  | "Inventory.release"
  | "Orders.markCheckout"
  | "Orders.place"
  | "PaymentGateway.charge"
  | "PaymentGateway.refund"

/**
 * What happens at a fault point: the call fails (`times` times, or always) before reaching the
 * adapter; or (`after`) it reaches the adapter and then fails, its answer lost; or it is delayed.
 * Gateway failures are transient `PaymentGatewayError`s, the others `RepositoryError`s.
 */
export interface Fault {
  readonly times: number | "always"
  readonly after?: boolean
  readonly delay?: Duration.DurationInput
}

/** Test control of the faults, and how often each point was called. */
export class Faults extends Context.Tag("test/Faults")<Faults, {
  readonly inject: (point: FaultPoint, fault: Fault) => Effect.Effect<void>
  /** The next charges decline with these reasons (before reaching the gateway). */
  readonly declineNext: (...reasons: ReadonlyArray<DeclineReason>) => Effect.Effect<void>
  readonly clear: Effect.Effect<void>
  readonly calls: (point: FaultPoint) => Effect.Effect<number>
}>() {}

type Wrapped = Customers | Inventory | Orders | PaymentGateway

/**
 * Wraps the commerce ports with fault injection. Compose as `Faults.layer.pipe(Layer.provideMerge(ports))`:
 * the wrapped ports then shadow the originals.
 */
export const layer: Layer.Layer<Faults | Wrapped, never, Wrapped> = Layer.effectContext(
  Effect.gen(function*() {
    const plan = yield* Ref.make<ReadonlyMap<FaultPoint, Fault>>(new Map())
    const counts = yield* Ref.make<ReadonlyMap<FaultPoint, number>>(new Map())
    const declines = yield* Ref.make<ReadonlyArray<DeclineReason>>([])

    const count = (point: FaultPoint) => Ref.update(counts, (all) => new Map(all).set(point, (all.get(point) ?? 0) + 1))
    const take = (point: FaultPoint) =>
      count(point).pipe(
        Effect.zipRight(Ref.modify(plan, (all) => {
          const fault = all.get(point)
          if (fault === undefined) return [undefined, all] as const
          if (fault.times === "always") return [fault, all] as const
          const next = new Map(all)
          if (fault.times <= 1) next.delete(point)
          else next.set(point, { ...fault, times: fault.times - 1 })
          return [fault, next] as const
        }))
      )

    const failure = (point: FaultPoint) =>
      point.startsWith("PaymentGateway")
        ? new PaymentGatewayError({ operation: point, transient: true, cause: new Error("injected fault") })
        : new RepositoryError({ operation: point, cause: new Error("injected fault") })

    const faulty = <A, E, R>(point: FaultPoint, call: Effect.Effect<A, E, R>): Effect.Effect<A, E | RepositoryError | PaymentGatewayError, R> =>
      Effect.flatMap(take(point), (fault) => {
        if (fault === undefined) return call
        if (fault.delay !== undefined) return Effect.zipRight(Effect.sleep(fault.delay), call)
        return fault.after === true ? Effect.zipRight(call, Effect.fail(failure(point))) : Effect.fail(failure(point))
      })

    const customers = yield* Customers
    const inventory = yield* Inventory
    const orders = yield* Orders
    const gateway = yield* PaymentGateway
    const narrow = <A, R>(effect: Effect.Effect<A, RepositoryError | PaymentGatewayError, R>) =>
      Effect.catchTag(effect, "PaymentGatewayError", (e) => Effect.fail(new RepositoryError({ operation: e.operation, cause: e.cause })))
    const narrowGateway = <A, R>(effect: Effect.Effect<A, RepositoryError | PaymentGatewayError, R>) =>
      Effect.catchTag(effect, "RepositoryError", (e) => Effect.fail(new PaymentGatewayError({ operation: e.operation, transient: true, cause: e.cause })))

    return Context.make(Faults, {
      inject: (point, fault) => Ref.update(plan, (all) => new Map(all).set(point, fault)),
      declineNext: (...reasons) => Ref.update(declines, (all) => [...all, ...reasons]),
      clear: Ref.set(plan, new Map()),
      calls: (point) => Effect.map(Ref.get(counts), (all) => all.get(point) ?? 0)
    }).pipe(
      Context.add(Customers, { ...customers, find: (t, id) => narrow(faulty("Customers.find", customers.find(t, id))) }),
      Context.add(Inventory, {
        ...inventory,
        levels: (t, skus, now) => narrow(faulty("Inventory.levels", inventory.levels(t, skus, now))),
        reserve: (t, r, now) => narrow(faulty("Inventory.reserve", inventory.reserve(t, r, now))),
        reserveBackorder: (t, r, now) => narrow(faulty("Inventory.reserveBackorder", inventory.reserveBackorder(t, r, now))),
        commit: (t, id, now) => narrow(faulty("Inventory.commit", inventory.commit(t, id, now))),
        release: (t, id) => narrow(faulty("Inventory.release", inventory.release(t, id)))
      }),
      Context.add(Orders, {
        ...orders,
        markCheckout: (t, key, update) => narrow(faulty("Orders.markCheckout", orders.markCheckout(t, key, update))),
        place: (order) => narrow(faulty("Orders.place", orders.place(order)))
      }),
      Context.add(PaymentGateway, {
        charge: (request) =>
          Ref.modify(declines, ([first, ...rest]) => [first, rest] as const).pipe(
            Effect.flatMap((reason) =>
              reason === undefined
                ? narrowGateway(faulty("PaymentGateway.charge", gateway.charge(request)))
                : Effect.as(count("PaymentGateway.charge"), new Declined({ reason }))
            )
          ),
        refund: (request) => narrowGateway(faulty("PaymentGateway.refund", gateway.refund(request)))
      })
    )
  })
)
