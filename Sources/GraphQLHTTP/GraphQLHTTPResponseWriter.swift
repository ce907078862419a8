import GraphQLKit
import HTTPKit
import NIOCore
import NIOHTTP1

/// Turns results into HTTP responses: the status the GraphQL-over-HTTP specification gives for
/// the media type, header blocks built once, and the JSON written straight into one buffer.
struct GraphQLHTTPResponseWriter: Sendable {
    private static let dataPrefix: StaticString = #"{"data":"#
    private static let jsonHeaders = HTTPHeaders([("content-type", GraphQLMediaType.json.contentType)])
    private static let graphQLResponseHeaders = HTTPHeaders([("content-type", GraphQLMediaType.graphQLResponseJSON.contentType)])

    static func headers(_ mediaType: GraphQLMediaType) -> HTTPHeaders {
        mediaType == .json ? jsonHeaders : graphQLResponseHeaders
    }

    /// The response for an executor's result.
    static func response(_ result: GraphQLHTTPResult, mediaType: GraphQLMediaType, allocator: ByteBufferAllocator) -> HTTPResponse {
        switch result.storage {
        case .response(let response):
            let status = self.status(hasData: response.data != nil, mediaType: mediaType)
            if let data = response.data, response.errors.isEmpty, response.extensions?.isEmpty ?? true {
                var body = allocator.buffer(capacity: data.count + 9)
                body.writeStaticString(dataPrefix)
                body.writeBytes(data)
                body.writeInteger(UInt8(ascii: "}"))
                return HTTPResponse(status: status, headers: headers(mediaType), body: body)
            }
            let bytes = response.serialized()
            var body = allocator.buffer(capacity: bytes.count)
            body.writeBytes(bytes)
            return HTTPResponse(status: status, headers: headers(mediaType), body: body)
        case .serialized(let bytes, let hasData):
            var body = allocator.buffer(capacity: bytes.count)
            body.writeBytes(bytes)
            return HTTPResponse(status: status(hasData: hasData, mediaType: mediaType), headers: headers(mediaType), body: body)
        case .mutationNotAllowedOverGET:
            var response = error(.methodNotAllowed, "Mutations cannot be sent with GET; use POST.", mediaType: mediaType, allocator: allocator)
            response.headers.add(name: "allow", value: "POST")
            return response
        }
    }

    /// `200` when the response has `data`; otherwise (a request error) `400` under
    /// `application/graphql-response+json` and `200` under `application/json`.
    static func status(hasData: Bool, mediaType: GraphQLMediaType) -> HTTPResponseStatus {
        hasData || mediaType == .json ? .ok : .badRequest
    }

    /// A response carrying one GraphQL error, `{"errors":[{"message":…}]}`.
    static func error(_ status: HTTPResponseStatus, _ message: String, mediaType: GraphQLMediaType, allocator: ByteBufferAllocator) -> HTTPResponse {
        let bytes = GraphQLResponse(data: nil, errors: [GraphQLError(message: message)]).serialized()
        var body = allocator.buffer(capacity: bytes.count)
        body.writeBytes(bytes)
        return HTTPResponse(status: status, headers: headers(mediaType), body: body)
    }
}
