/// A subgraph schema that breaks a rule of the federation specification: an Apollo error code
/// (`KEY_INVALID_FIELDS`, …) and a message naming the type, field and directive.
public struct FederationProblem: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "[\(code)] \(message)" }
}

extension FederatedSubgraph {
    /// The federation rules the subgraph breaks on its own (without the other subgraphs): field
    /// sets of `@key`, `@requires` and `@provides` that do not resolve, fields they need that
    /// are not `@external`, unused `@external` fields, `@interfaceObject` without `@key`.
    public var federationProblems: [FederationProblem] {
        var problems: [FederationProblem] = []
        var usedExternals: Set<String> = []
        let externalName = links.localName(.external)

        func isExternal(_ parent: String, _ field: GraphQLField) -> Bool {
            guard let externalName else { return false }
            if field.astNode?.directives.contains(named: externalName) == true { return true }
            return schema.namedType(parent)?.appliedDirectives.contains(named: externalName) == true
        }

        for type in schema.types where isSubgraphType(type.name) {
            switch type {
            case .object, .interface: break
            default: continue
            }
            if case .interface = type {
                problems += interfaceProblems(type)
                if let minor = links.minorVersion, minor < 3, links.contains(.key, in: type.appliedDirectives) {
                    problems.append(FederationProblem(code: "KEY_UNSUPPORTED_ON_INTERFACE", message: "Cannot use @key on interface \"\(type.name)\": @key is not yet supported on interfaces (it needs federation v2.3, the schema links v2.\(minor))."))
                }
            }
            for key in links.applications(of: .key, in: type.appliedDirectives) {
                let text = key.stringArgument("fields") ?? ""
                let context = "On type \"\(type.name)\", for @key(fields: \"\(text)\")"
                guard let fieldSet = try? FieldSet(text) else {
                    problems.append(FederationProblem(code: "KEY_INVALID_FIELDS", message: "\(context): the fields argument is not a valid selection set."))
                    continue
                }
                for selected in fieldSet.selectedFields(on: type.name, in: schema, problem: { detail in
                    problems.append(FederationProblem(code: "KEY_INVALID_FIELDS", message: "\(context): \(detail) (the field should either be added to this subgraph or, if it should not be resolved by this subgraph, you need to add it to this subgraph with @external)."))
                }) {
                    usedExternals.insert("\(selected.parentTypeName).\(selected.field.name)")
                    if !selected.field.arguments.isEmpty {
                        problems.append(FederationProblem(code: "KEY_FIELDS_HAVE_ARGS", message: "\(context): field \(selected.parentTypeName).\(selected.field.name) cannot be included because it has arguments (fields with argument are not allowed in @key)."))
                    }
                    let named = schema.namedType(selected.field.type.namedTypeName)
                    if selected.field.type.nullable.isList || named?.isAbstractType == true {
                        let kind = selected.field.type.nullable.isList ? "a list" : (named?.kind == .union ? "a union" : "an interface")
                        problems.append(FederationProblem(code: "KEY_FIELDS_SELECT_INVALID_TYPE", message: "\(context): field \"\(selected.parentTypeName).\(selected.field.name)\" is \(kind) type which is not allowed in @key."))
                    }
                }
            }
            if case .object = type, links.contains(.interfaceObject, in: type.appliedDirectives),
               !links.contains(.key, in: type.appliedDirectives) {
                problems.append(FederationProblem(code: "INTERFACE_OBJECT_USAGE_ERROR", message: "The @interfaceObject directive can only be applied to entity types but type \"\(type.name)\" has no @key in this subgraph."))
            }
            for field in type.fields ?? NamedList([]) {
                let directives = field.astNode?.directives ?? []
                for requires in links.applications(of: .requires, in: directives) {
                    let text = requires.stringArgument("fields") ?? ""
                    let context = "On field \"\(type.name).\(field.name)\", for @requires(fields: \"\(text)\")"
                    checkDependentFieldSet(text, on: type.name, context: context, invalidCode: "REQUIRES_INVALID_FIELDS",
                                           missingExternalCode: "REQUIRES_FIELDS_MISSING_EXTERNAL", directive: "@requires",
                                           isExternal: isExternal, used: &usedExternals, problems: &problems)
                }
                for provides in links.applications(of: .provides, in: directives) {
                    let text = provides.stringArgument("fields") ?? ""
                    let context = "On field \"\(type.name).\(field.name)\", for @provides(fields: \"\(text)\")"
                    let target = field.type.namedTypeName
                    guard let targetType = schema.namedType(target), targetType.isCompositeType else {
                        problems.append(FederationProblem(code: "PROVIDES_ON_NON_OBJECT_FIELD", message: "\(context): field \"\(type.name).\(field.name)\" has type \"\(field.type)\" which is not a Composite Type"))
                        continue
                    }
                    checkDependentFieldSet(text, on: target, context: context, invalidCode: "PROVIDES_INVALID_FIELDS",
                                           missingExternalCode: "PROVIDES_FIELDS_MISSING_EXTERNAL", directive: "@provides",
                                           isExternal: isExternal, used: &usedExternals, problems: &problems)
                }
            }
        }

        // Federation 2: an @external field must serve a key, a @requires or a @provides, or an interface.
        if links.isFederation2, let externalName {
            for type in schema.types where isSubgraphType(type.name) {
                guard case .object(let object) = type else { continue }
                let typeExternal = type.appliedDirectives.contains(named: externalName)
                for field in object.fields where typeExternal || field.astNode?.directives.contains(named: externalName) == true {
                    if usedExternals.contains("\(object.name).\(field.name)") { continue }
                    if object.interfaces.contains(where: { schema.namedType($0)?.fields?[field.name] != nil }) { continue }
                    problems.append(FederationProblem(code: "EXTERNAL_UNUSED", message: "Field \"\(object.name).\(field.name)\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external)."))
                }
            }
        }
        return problems
    }

    /// @external, @requires, @provides and @shareable on interface fields (EXTERNAL_ON_INTERFACE,
    /// REQUIRES_UNSUPPORTED_ON_INTERFACE, PROVIDES_UNSUPPORTED_ON_INTERFACE, INVALID_SHAREABLE_USAGE).
    private func interfaceProblems(_ type: GraphQLNamedType) -> [FederationProblem] {
        var problems: [FederationProblem] = []
        for field in type.fields ?? NamedList() {
            let directives = field.astNode?.directives ?? []
            let coordinate = "\(type.name).\(field.name)"
            if links.contains(.external, in: directives) {
                problems.append(FederationProblem(code: "EXTERNAL_ON_INTERFACE", message: "Interface type field \"\(coordinate)\" is marked @external but @external is not allowed on interface fields (it is nonsensical)."))
            }
            if links.contains(.requires, in: directives) {
                problems.append(FederationProblem(code: "REQUIRES_UNSUPPORTED_ON_INTERFACE", message: "Cannot use @requires on field \"\(coordinate)\" of parent type \"\(type.name)\": @requires is not yet supported within interfaces"))
            }
            if links.contains(.provides, in: directives) {
                problems.append(FederationProblem(code: "PROVIDES_UNSUPPORTED_ON_INTERFACE", message: "Cannot use @provides on field \"\(coordinate)\" of parent type \"\(type.name)\": @provides is not yet supported within interfaces"))
            }
            if links.contains(.shareable, in: directives) {
                problems.append(FederationProblem(code: "INVALID_SHAREABLE_USAGE", message: "Invalid use of @shareable on field \"\(coordinate)\": only object type fields can be marked with @shareable"))
            }
        }
        return problems
    }

    private func checkDependentFieldSet(_ text: String, on typeName: String, context: String, invalidCode: String,
                                        missingExternalCode: String, directive: String,
                                        isExternal: (String, GraphQLField) -> Bool,
                                        used: inout Set<String>, problems: inout [FederationProblem]) {
        guard let fieldSet = try? FieldSet(text) else {
            problems.append(FederationProblem(code: invalidCode, message: "\(context): the fields argument is not a valid selection set."))
            return
        }
        var invalid: [String] = []
        let selected = fieldSet.selectedFields(on: typeName, in: schema) { invalid.append($0) }
        for detail in invalid {
            problems.append(FederationProblem(code: invalidCode, message: "\(context): \(detail) (if the field is defined in another subgraph, you need to add it to this subgraph with @external)."))
        }
        for field in selected {
            used.insert("\(field.parentTypeName).\(field.field.name)")
            // Leaves and fields whose subfields are selected: the first must be external, the second
            // may be a local object whose selected subfields are external.
            if !field.hasSelections && !isExternal(field.parentTypeName, field.field) && field.parentTypeName == typeName && links.isFederation2 {
                problems.append(FederationProblem(code: missingExternalCode, message: "\(context): field \"\(field.parentTypeName).\(field.field.name)\" should not be part of a \(directive) since it is already provided by this subgraph (it is not marked @external)"))
            }
        }
    }
}
