import Foundation

extension Builtins {
    /// Data in and out of the session: environment variables, NumPy .npy files, CSV.
    static let data: [Builtin] = [
        Builtin("env", [.required("name"), .optional("default", nil)],
                doc: "The environment variable name, or default when it is unset or empty.") { args in
            let value = ProcessInfo.processInfo.environment[try args.string("name")] ?? ""
            return value.isEmpty ? args["default"] : .string(value)
        },
    ]
}
