import Hummingbird
import Moodify

/// `GET /api/model`: the classes, feature set, members and training/evaluation metadata of the loaded bundle.
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
    var members: [MemberPayload]
    var maxUploadBytes: Int
    var maxAnalysedSeconds: Double

    enum CodingKeys: String, CodingKey {
        case name, classes, metadata, members
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
        members = model.members.map(MemberPayload.init)
        maxUploadBytes = limits.maxUploadBytes
        maxAnalysedSeconds = limits.maxAnalysedSeconds
    }
}

/// The JSON shape of one network of the model: what it reads, its size and its share of the mean.
struct MemberPayload: Encodable {
    var featureSet: String
    var featureParameters: [String: String]
    var inputShape: [Int]
    var parameterCount: Int
    var weight: Double

    enum CodingKeys: String, CodingKey {
        case weight
        case featureSet = "feature_set"
        case featureParameters = "feature_parameters"
        case inputShape = "input_shape"
        case parameterCount = "parameter_count"
    }

    /// The payload of a member.
    init(_ member: ClassifierMember) {
        featureSet = member.featureSet
        featureParameters = member.featureParameters
        inputShape = member.inputShape
        parameterCount = member.parameterCount
        weight = member.weight
    }
}
