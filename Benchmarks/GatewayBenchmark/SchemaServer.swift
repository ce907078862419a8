import GraphQLKit
import HTTPKit
import Logging
import NIOCore

/// Serves an executable schema on POST /graphql (HTTP/1.1 and h2c) on 127.0.0.1:`port`.
enum SchemaServer {
    static func make(_ schema: ExecutableSchema<Void>, port: Int, logger: Logger) -> HTTPServer {
        var router = HTTPRouter()
        router.add(.POST, "/graphql") { request, _ in
            .task {
                guard let body = try? JSONValue.parse(utf8: request.body.readableBytesView), let query = body["query"]?.stringValue else {
                    return HTTPResponse(status: .badRequest, contentType: "application/json", body: ByteBuffer(string: #"{"errors":[{"message":"bad request"}]}"#))
                }
                let response = await schema.execute(GraphQLRequest(query: query, operationName: body["operationName"]?.stringValue,
                                                                   variables: body["variables"]?.objectValue ?? JSONObject()), context: ())
                return HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(bytes: response.serialized()))
            }
        }
        return HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: port), responder: router, logger: logger)
    }
}
