/// What `fit` records per epoch, under Keras's history keys.
public struct History: Sendable, Equatable, Codable {
    /// Training loss: the mean over the epoch's batches (weighted by batch size) of the batch loss with
    /// its class weights and L2 terms, computed in train mode before each update, as Keras reports it.
    public var loss: [Float] = []
    /// Training accuracy over the same batches.
    public var accuracy: [Float] = []
    /// Validation loss in inference mode (with the L2 terms, without class weights); empty without validation.
    public var valLoss: [Float] = []
    /// Validation accuracy in inference mode; empty without validation.
    public var valAccuracy: [Float] = []
    /// The learning rate used in each epoch.
    public var lr: [Float] = []
    /// Wall-clock seconds of each epoch, validation included.
    public var secondsPerEpoch: [Double] = []

    /// An empty history.
    public init() {}

    /// The number of epochs run.
    public var epochs: Int { loss.count }

    /// A series by Keras's key: "loss", "accuracy", "val_loss", "val_accuracy", "lr" or "learning_rate",
    /// "seconds_per_epoch"; nil for other keys.
    public func series(_ key: String) -> [Double]? {
        switch key {
        case "loss": loss.map(Double.init)
        case "accuracy": accuracy.map(Double.init)
        case "val_loss": valLoss.map(Double.init)
        case "val_accuracy": valAccuracy.map(Double.init)
        case "lr", "learning_rate": lr.map(Double.init)
        case "seconds_per_epoch": secondsPerEpoch
        default: nil
        }
    }

    /// Appends one epoch's logs.
    mutating func append(_ logs: EpochLogs) {
        loss.append(logs.loss)
        accuracy.append(logs.accuracy)
        if let v = logs.valLoss { valLoss.append(v) }
        if let v = logs.valAccuracy { valAccuracy.append(v) }
        lr.append(logs.learningRate)
        secondsPerEpoch.append(logs.seconds)
    }
}

/// One epoch's numbers, as callbacks see them.
public struct EpochLogs: Sendable, Equatable {
    /// Training loss (see `History.loss`).
    public var loss: Float
    /// Training accuracy.
    public var accuracy: Float
    /// Validation loss, when there is validation data.
    public var valLoss: Float?
    /// Validation accuracy, when there is validation data.
    public var valAccuracy: Float?
    /// The learning rate used in the epoch.
    public var learningRate: Float
    /// Wall-clock seconds of the epoch.
    public var seconds: Double

    /// A logged value by Keras's key ("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"/"lr").
    public func value(_ key: String) -> Float? {
        switch key {
        case "loss": loss
        case "accuracy": accuracy
        case "val_loss": valLoss
        case "val_accuracy": valAccuracy
        case "lr", "learning_rate": learningRate
        default: nil
        }
    }
}
