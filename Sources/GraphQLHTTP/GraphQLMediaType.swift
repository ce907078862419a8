/// The two response media types of the GraphQL-over-HTTP specification. They differ in status
/// codes: under `application/graphql-response+json` a request error (no `data`) is a `400`;
/// under `application/json` every well-formed request gets `200`.
public enum GraphQLMediaType: Sendable, Hashable {
    /// `application/graphql-response+json`
    case graphQLResponseJSON
    /// `application/json`
    case json

    /// The `content-type` header value the endpoint sends.
    public var contentType: String {
        switch self {
        case .graphQLResponseJSON: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// The media type to answer with for an `Accept` header value: the supported type with the
    /// highest `q` (a specific type beats a wildcard at equal `q`, then the first listed wins).
    /// A missing or empty header, `*/*` and `application/*` mean `application/json` (what clients
    /// written before the specification expect). `nil` when nothing acceptable is supported
    /// (`406 Not Acceptable`); a `charset` other than UTF-8 makes a range unacceptable.
    public static func negotiate(accept: String?) -> GraphQLMediaType? {
        guard let accept, !accept.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return .json }
        switch accept {  // the values clients send most, without parsing
        case "application/json", "*/*": return .json
        case "application/graphql-response+json": return .graphQLResponseJSON
        default: break
        }
        var best: (type: GraphQLMediaType, quality: Double, specific: Bool)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let name = parts.first?.trimmingASCIIWhitespace().lowercased() else { continue }
            let candidate: (GraphQLMediaType, Bool)
            switch name {
            case "application/graphql-response+json": candidate = (.graphQLResponseJSON, true)
            case "application/json": candidate = (.json, true)
            case "application/*", "*/*": candidate = (.json, false)
            default: continue
            }
            var quality = 1.0
            var acceptable = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let key = pair[0].trimmingASCIIWhitespace().lowercased()
                let value = pair[1].trimmingASCIIWhitespace().lowercased()
                if key == "q" {
                    quality = Double(value) ?? 0
                } else if key == "charset", value != "utf-8", value != "\"utf-8\"" {
                    acceptable = false
                }
            }
            guard acceptable, quality > 0 else { continue }
            if let current = best, current.quality > quality || (current.quality == quality && (current.specific || !candidate.1)) {
                continue
            }
            best = (candidate.0, quality, candidate.1)
        }
        return best?.type
    }

    /// Whether a request `Content-Type` value is JSON the endpoint reads: `application/json`,
    /// with no charset or UTF-8.
    static func isJSONRequestContentType(_ value: String) -> Bool {
        if value == "application/json" || value == "application/json; charset=utf-8" { return true }
        let parts = value.split(separator: ";")
        guard let name = parts.first, name.trimmingASCIIWhitespace().lowercased() == "application/json" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return false }
            if pair[0].trimmingASCIIWhitespace().lowercased() == "charset" {
                let charset = pair[1].trimmingASCIIWhitespace().lowercased()
                if charset != "utf-8" && charset != "\"utf-8\"" { return false }
            }
        }
        return true
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIIWhitespace() -> Substring {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
