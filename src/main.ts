import * as HttpServer from "@effect/platform/HttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Layer } from "effect"
import * as Bootstrap from "./layers/Bootstrap.js"
import * as BatonConfig from "./layers/config/BatonConfig.js"
import * as Logging from "./layers/config/Logging.js"
import * as BatonHttp from "./layers/http/HttpServer.js"
import * as Service from "./layers/Service.js"
import { reportStartupFailure } from "./layers/StartupFailure.js"

const announce = Layer.effectDiscard(
  Effect.flatMap(HttpServer.HttpServer, (server) => {
    const url = HttpServer.formatAddress(server.address).replace("0.0.0.0", "127.0.0.1")
    return Effect.logInfo(`baton listening on ${url} (API docs: ${url}/docs)`)
  })
)

const server = Layer.unwrapEffect(
  Effect.map(BatonConfig.server, (options) =>
    Layer.merge(BatonHttp.app, announce).pipe(Layer.provide(BatonHttp.listen(options))))
)

const main = Layer.mergeAll(server, Service.dispatcher, Service.modules).pipe(
  Layer.provide(Bootstrap.layer),
  Layer.provideMerge(Service.workflowEngine),
  Layer.provideMerge(Service.core)
)

Effect.flatMap(BatonConfig.tracing, (tracing) => Layer.launch(main).pipe(Effect.withTracerEnabled(tracing))).pipe(
  Effect.tapErrorCause(reportStartupFailure),
  Effect.provide(Logging.layer),
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true })
)
