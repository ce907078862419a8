/// Directives Are Defined and Directives Are In Valid Locations (GraphQL specification
/// 5.7.1, 5.7.2).
public final class KnownDirectivesRule: ValidationRule {
    public let events: ValidationEvents = [.enterDirective]
    private var locations: [String: [String]] = [:]

    public init(context: ValidationContext) {
        for directive in context.schema.directives { locations[directive.name] = directive.locations.map(\.rawValue) }
        for case .directive(let definition) in context.document.definitions {
            locations[definition.name.value] = definition.locations.map(\.value)
        }
    }

    public func enterDirective(_ node: Directive, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        guard let allowed = locations[name] else {
            context.report("Unknown directive \"@\(name)\".", node: node.location)
            return .proceed
        }
        if let location = context.directiveLocation, !allowed.contains(location.rawValue) {
            context.report("Directive \"@\(name)\" may not be used on \(location.rawValue).", node: node.location)
        }
        return .proceed
    }
}
