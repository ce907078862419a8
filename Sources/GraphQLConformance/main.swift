// graphql-conformance: answers the reference oracle's cases (../shared/tools/graphql-oracle.js)
// with GraphQLKit. Reads NDJSON cases on stdin, writes one result line per case on stdout, in
// order. Any problem with a case becomes an error result line; the process keeps going.
import GraphQLConformanceKit

while let line = readLine(strippingNewline: true) {
    if let answer = ConformanceRunner.answer(line: line) {
        print(answer)
    }
}
