import Hummingbird

/// `GET /api/model`: the classes, feature set and training/evaluation metadata of the loaded bundle.
struct ModelController<Context: RequestContext> {
    /// The classifier whose bundle is described.
    let services: WebServices

    /// Adds the route to `router`.
    func addRoutes(to router: Router<Context>) {
        router.get("/api/model") { _, _ in
            try Response.json(ModelPayload(services.predictor.modelDescription, limits: services.limits))
        }
    }
}

/// The JSON shape of a model description, with the limits a client should respect.
struct ModelPayload: Encodable {
    var name: String
    var classes: [String]
    var featureSet: String
    var featureParameters: [String: String]
    var metadata: [String: String]
    var maxUploadBytes: Int
    var maxAnalysedSeconds: Double

    enum CodingKeys: String, CodingKey {
        case name, classes, metadata
        case featureSet = "feature_set"
        case featureParameters = "feature_parameters"
        case maxUploadBytes = "max_upload_bytes"
        case maxAnalysedSeconds = "max_analysed_seconds"
    }

    /// The payload of a model description.
    init(_ model: ModelDescription, limits: WebLimits) {
        name = model.name
        classes = model.classes
        featureSet = model.featureSet
        featureParameters = model.featureParameters
        metadata = model.metadata
        maxUploadBytes = limits.maxUploadBytes
        maxAnalysedSeconds = limits.maxAnalysedSeconds
    }
}
