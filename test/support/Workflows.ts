import { Layer } from "effect"
import * as ConfiguredDropshipPolicy from "../../src/layers/fulfilment/ConfiguredDropshipPolicy.js"
import * as SandboxPaymentGateway from "../../src/layers/payment/SandboxPaymentGateway.js"
import * as WorkflowEngines from "../../src/layers/workflow/WorkflowEngines.js"
import * as CheckoutSaga from "../../src/orchestration/commerce/checkoutSaga.js"
import * as DropshipSaga from "../../src/orchestration/fulfilment/dropshipSaga.js"
import * as RmaSaga from "../../src/orchestration/returns/rmaSaga.js"

/** baton's workflows on the in-memory engine, paying through the sandbox: for tests that do not exercise durability. */
export const inMemory = Layer.mergeAll(CheckoutSaga.layer.pipe(Layer.provide(SandboxPaymentGateway.layer)), DropshipSaga.layer, RmaSaga.layer).pipe(
  Layer.provideMerge(WorkflowEngines.layerMemory),
  Layer.provideMerge(ConfiguredDropshipPolicy.layer())
)
