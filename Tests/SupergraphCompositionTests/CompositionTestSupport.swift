import GraphQLKit
import SupergraphComposition
import Testing

/// Parses and prints `sdl` again (the same layout for texts formatted differently).
func canonical(_ sdl: String) throws -> String {
    Printer.print(try Parser.parse(sdl, options: ParseOptions(noLocation: true)))
}

/// A subgraph named `name` with `sdl` (Federation 2.3 link added unless the SDL links itself).
func subgraph(_ name: String, _ sdl: String, imports: String = #""@key", "@shareable", "@external", "@requires", "@provides", "@override", "@inaccessible", "@tag", "@interfaceObject", "@composeDirective""#) -> SubgraphDefinition {
    let linked = sdl.contains("@link(") ? sdl : "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\(imports)])\n\(sdl)"
    return SubgraphDefinition(name: name, url: "http://127.0.0.1:4000/\(name)", sdl: linked)
}

/// Composes and returns the supergraph, recording the errors as an issue if composition fails.
func composed(_ subgraphs: [SubgraphDefinition], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Supergraph? {
    let result = composeSupergraph(subgraphs)
    if result.supergraph == nil {
        Issue.record("composition failed: \(result.errors)", sourceLocation: sourceLocation)
    }
    return result.supergraph
}

/// The error codes composition reports.
func compositionCodes(_ subgraphs: [SubgraphDefinition]) -> [String] {
    composeSupergraph(subgraphs).errors.map(\.code)
}

/// The field `typeName.fieldName` of a supergraph as printed (one line, with its directives).
func printedField(_ supergraph: Supergraph, _ typeName: String, _ fieldName: String) -> String? {
    for case .type(let type) in supergraph.document.definitions where type.name.value == typeName {
        switch type {
        case .object(let object): return object.fields.first { $0.name.value == fieldName }.map { printDefinitionLine(object.name.value, $0) }
        case .interface(let interface): return interface.fields.first { $0.name.value == fieldName }.map { printDefinitionLine(interface.name.value, $0) }
        default: return nil
        }
    }
    return nil
}

private func printDefinitionLine(_ typeName: String, _ field: FieldDefinition) -> String {
    let printed = Printer.print(.type(.object(ObjectTypeDefinition(name: Name(typeName), fields: [field]))))
    return String(printed.split(separator: "\n")[1].drop { $0 == " " })
}

/// The type definition line (name and directives) of `typeName` as printed.
func printedTypeHeader(_ supergraph: Supergraph, _ typeName: String) -> String? {
    for case .type(let type) in supergraph.document.definitions where type.name.value == typeName {
        return String(Printer.print(.type(type)).split(separator: "\n")[0])
    }
    return nil
}

/// The supergraph printed in graphql-js's layout (one line per type header, for `contains` checks).
func printed(_ supergraph: Supergraph) -> String {
    Printer.print(supergraph.document)
}
