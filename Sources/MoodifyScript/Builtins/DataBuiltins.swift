import Foundation

extension Builtins {
    /// Data in and out of the session: environment variables, NumPy .npy files, CSV.
    static let data: [Builtin] = [
        Builtin("env", [.required("name"), .optional("default", nil)],
                doc: "The environment variable name, or default when it is unset or empty.") { args in
            let value = ProcessInfo.processInfo.environment[try args.string("name")] ?? ""
            return value.isEmpty ? args["default"] : .string(value)
        },
        Builtin("save_npy", [.required("x"), .required("path")],
                doc: "Write a matrix (float32 2-D), a list of numbers (int64 or float64 1-D) or audio (float32) as a NumPy .npy file; returns the path.") { args in
            let path = try args.string("path")
            do {
                try NPY.write(args["x"], to: path)
            } catch let ValueError.conversion(expected, got, _) {
                throw ValueError.argumentType(function: "save_npy", parameter: "x", expected: expected, got: got)
            }
            return .string(path)
        },
        Builtin("load_npy", [.required("path")],
                doc: "Read a NumPy .npy file (little-endian float32/float64/int64, 1-D as a list, 2-D as a matrix).") { args in
            try NPY.read(try args.string("path"))
        },
        Builtin("save_csv", [.required("x"), .required("path"), .named("header", nil)],
                doc: "Write a matrix or a list of rows as CSV, with optional column names; returns the path.") { args in
            let path = try args.string("path")
            let header = args.optional("header") == nil ? nil : try args.strings("header")
            try writeFile(Data(try CSV.text(args["x"], header: header).utf8), to: path)
            return .string(path)
        },
    ]
}
