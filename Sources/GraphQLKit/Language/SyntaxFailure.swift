/// A syntax error found while lexing or parsing, before it is tied to its ``Source``: the byte
/// offset it points at and the description graphql-js would give (without "Syntax Error: ").
struct SyntaxFailure: Error {
    var position: Int
    var description: String

    /// The public error, with its location computed the way graphql-js computes it.
    func graphQLError(in source: Source) -> GraphQLError {
        GraphQLError.syntaxError(source: source, position: position, description: description)
    }
}
