import Hummingbird

/// The router of the web app: the page, health, model and predict routes behind the security headers.
public func buildRouter(services: WebServices) throws -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    try PageController(services: services).addRoutes(to: router)
    HealthController(services: services).addRoutes(to: router)
    ModelController(services: services).addRoutes(to: router)
    PredictController(services: services).addRoutes(to: router)
    return router
}

/// The web app listening on `host:port`, ready for `runService()`.
public func buildApplication(services: WebServices, host: String = "127.0.0.1", port: Int = 8080) throws -> some ApplicationProtocol {
    Application(router: try buildRouter(services: services),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "moodify-web"))
}
