import Hummingbird

/// `GET /api/health`: whether the server is up, which model it serves and whether Spotify is configured.
struct HealthController<Context: RequestContext> {
    /// The classifier and recommender whose state is reported.
    let services: WebServices

    /// The body of the health answer.
    struct Health: Encodable {
        var status = "ok"
        var model: String
        var classes: [String]
        var spotify: Bool
    }

    /// Adds the route to `router`.
    func addRoutes(to router: Router<Context>) {
        router.get("/api/health") { _, _ in
            let model = services.predictor.modelDescription
            return try Response.json(Health(model: model.name, classes: model.classes, spotify: services.recommender.spotify != nil))
        }
    }
}
