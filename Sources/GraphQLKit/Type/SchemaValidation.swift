/// An AST node's location with the document it is in.
typealias SourcedNode = (location: Location?, source: Source?)

/// The type-system rules (GraphQL specification section 3, "Type Validation"), checked the
/// way graphql-js's `validateSchema` checks them: same rules, messages, locations and order,
/// plus the `@oneOf` rules of graphql-js 17.
enum SchemaValidator {
    static func validate(_ schema: GraphQLSchema) -> [GraphQLError] {
        var validator = Run(schema: schema)
        validator.validateRootTypes()
        validator.validateDirectives()
        validator.validateTypes()
        return validator.errors
    }

    private struct Run {
        let schema: GraphQLSchema
        var errors: [GraphQLError] = []

        init(schema: GraphQLSchema) {
            self.schema = schema
        }

        mutating func report(_ message: String, _ nodes: [SourcedNode]) {
            errors.append(GraphQLError.about(message, sourcedNodes: nodes))
        }

        func operationTypeNode(_ operation: OperationType) -> SourcedNode? {
            var nodes: [(OperationTypeDefinition, Source?)] = []
            if let astNode = schema.astNode { nodes += astNode.operationTypes.map { ($0, schema.astSource) } }
            for (index, node) in schema.extensionASTNodes.enumerated() {
                nodes += node.operationTypes.map { ($0, schema.extensionSources[index]) }
            }
            return nodes.first { $0.0.operation == operation }.map { ($0.0.type.location, $0.1) }
        }

        func definitionNode(_ name: String) -> SourcedNode {
            let type = schema.namedType(name)
            return (type?.definitionLocation, type?.definitionSource)
        }

        mutating func validateRootTypes() {
            if let name = schema.queryTypeName {
                if let type = schema.namedType(name), case .object = type {} else {
                    report("Query root type must be Object type, it cannot be \(name).",
                           [operationTypeNode(.query) ?? definitionNode(name)])
                }
            } else {
                report("Query root type must be provided.", [(schema.astNode?.location, schema.astSource)])
            }
            if let name = schema.mutationTypeName, schema.objectType(name) == nil {
                report("Mutation root type must be Object type if provided, it cannot be \(name).",
                       [operationTypeNode(.mutation) ?? definitionNode(name)])
            }
            if let name = schema.subscriptionTypeName, schema.objectType(name) == nil {
                report("Subscription root type must be Object type if provided, it cannot be \(name).",
                       [operationTypeNode(.subscription) ?? definitionNode(name)])
            }
        }

        mutating func validateName(_ name: String, _ node: SourcedNode) {
            if name.hasPrefix("__") {
                report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node])
            }
        }

        mutating func validateDirectives() {
            for directive in schema.directives {
                validateName(directive.name, (directive.astNode?.location, directive.source))
                for argument in directive.arguments {
                    validateName(argument.name, (argument.astNode?.location, argument.source))
                    if !schema.isInputType(argument.type) {
                        report("The type of @\(directive.name)(\(argument.name):) must be Input Type but got: \(argument.type).",
                               [(argument.astNode?.location, argument.source)])
                    }
                    if argument.isRequired && argument.deprecationReason != nil {
                        report("Required argument @\(directive.name)(\(argument.name):) cannot be deprecated.",
                               [(deprecatedDirectiveNode(argument.astNode?.directives), argument.source), (argument.astNode?.type.location, argument.source)])
                    }
                }
            }
        }

        func deprecatedDirectiveNode(_ directives: [Directive]?) -> Location? {
            directives?.first { $0.name.value == "deprecated" }?.location
        }

        mutating func validateTypes() {
            var cycles = InputObjectCycleDetector()
            for type in schema.types {
                if !Introspection.isIntrospectionTypeName(type.name) {
                    validateName(type.name, (type.definitionLocation, type.definitionSource))
                }
                switch type {
                case .object(let object):
                    validateFields(typeName: object.name, fields: object.fields,
                                   typeNodes: typeNodes(object.astNode?.location, object.source, object.extensionASTNodes.map(\.location), object.extensionSources))
                    validateInterfaces(type, interfaceNodes: implementsNodes(type))
                case .interface(let interface):
                    validateFields(typeName: interface.name, fields: interface.fields,
                                   typeNodes: typeNodes(interface.astNode?.location, interface.source, interface.extensionASTNodes.map(\.location), interface.extensionSources))
                    validateInterfaces(type, interfaceNodes: implementsNodes(type))
                case .union(let union):
                    validateUnionMembers(union)
                case .enum(let enumType):
                    if enumType.values.isEmpty {
                        report("Enum type \(enumType.name) must define one or more values.",
                               typeNodes(enumType.astNode?.location, enumType.source, enumType.extensionASTNodes.map(\.location), enumType.extensionSources))
                    }
                    for value in enumType.values { validateName(value.name, (value.astNode?.location, value.source)) }
                case .inputObject(let input):
                    validateInputFields(input)
                    cycles.detect(input, in: schema, report: { self.report($0, $1) })
                case .scalar:
                    break
                }
            }
        }

        func typeNodes(_ definition: Location?, _ source: Source?, _ extensions: [Location?], _ extensionSources: [Source?]) -> [SourcedNode] {
            [(definition, source)] + zip(extensions, extensionSources).map { ($0, $1) }
        }

        mutating func validateFields(typeName: String, fields: NamedList<GraphQLField>, typeNodes: [SourcedNode]) {
            if fields.isEmpty {
                report("Type \(typeName) must define one or more fields.", typeNodes)
            }
            for field in fields {
                validateName(field.name, (field.astNode?.location, field.source))
                if !schema.isOutputType(field.type) {
                    report("The type of \(typeName).\(field.name) must be Output Type but got: \(field.type).", [(field.astNode?.type.location, field.source)])
                }
                for argument in field.arguments {
                    validateName(argument.name, (argument.astNode?.location, argument.source))
                    if !schema.isInputType(argument.type) {
                        report("The type of \(typeName).\(field.name)(\(argument.name):) must be Input Type but got: \(argument.type).",
                               [(argument.astNode?.type.location, argument.source)])
                    }
                    if argument.isRequired && argument.deprecationReason != nil {
                        report("Required argument \(typeName).\(field.name)(\(argument.name):) cannot be deprecated.",
                               [(deprecatedDirectiveNode(argument.astNode?.directives), argument.source), (argument.astNode?.type.location, argument.source)])
                    }
                }
            }
        }

        /// The `implements` names written in a type's definition and extensions.
        func implementsNodes(_ type: GraphQLNamedType) -> [(NamedType, Source?)] {
            switch type {
            case .object(let object):
                return (object.astNode?.interfaces ?? []).map { ($0, object.source) }
                    + zip(object.extensionASTNodes, object.extensionSources).flatMap { node, source in node.interfaces.map { ($0, source) } }
            case .interface(let interface):
                return (interface.astNode?.interfaces ?? []).map { ($0, interface.source) }
                    + zip(interface.extensionASTNodes, interface.extensionSources).flatMap { node, source in node.interfaces.map { ($0, source) } }
            default: return []
            }
        }

        func nodes(_ namedNodes: [(NamedType, Source?)], named name: String) -> [SourcedNode] {
            namedNodes.filter { $0.0.name.value == name }.map { ($0.0.location, $0.1) }
        }

        mutating func validateInterfaces(_ type: GraphQLNamedType, interfaceNodes: [(NamedType, Source?)]) {
            var seen: Set<String> = []
            for interfaceName in type.interfaces {
                guard case .interface(let interface)? = schema.namedType(interfaceName) else {
                    report("Type \(type.name) must only implement Interface types, it cannot implement \(interfaceName).",
                           nodes(interfaceNodes, named: interfaceName))
                    continue
                }
                if interfaceName == type.name {
                    report("Type \(type.name) cannot implement itself because it would create a circular reference.",
                           nodes(interfaceNodes, named: interfaceName))
                    continue
                }
                if seen.contains(interfaceName) {
                    report("Type \(type.name) can only implement \(interfaceName) once.", nodes(interfaceNodes, named: interfaceName))
                    continue
                }
                seen.insert(interfaceName)
                validateImplementsAncestors(type, interface, interfaceNodes: interfaceNodes)
                validateImplementsInterface(type, interface)
            }
        }

        mutating func validateImplementsAncestors(_ type: GraphQLNamedType, _ interface: GraphQLInterfaceType, interfaceNodes: [(NamedType, Source?)]) {
            let ifaceNodes = implementsNodes(.interface(interface))
            for transitive in interface.interfaces where !type.interfaces.contains(transitive) {
                let message = transitive == type.name
                    ? "Type \(type.name) cannot implement \(interface.name) because it would create a circular reference."
                    : "Type \(type.name) must implement \(transitive) because it is implemented by \(interface.name)."
                report(message, nodes(ifaceNodes, named: transitive) + nodes(interfaceNodes, named: interface.name))
            }
        }

        mutating func validateImplementsInterface(_ type: GraphQLNamedType, _ interface: GraphQLInterfaceType) {
            let typeFields = type.fields ?? NamedList()
            let typeNodes: [SourcedNode]
            switch type {
            case .object(let object): typeNodes = self.typeNodes(object.astNode?.location, object.source, object.extensionASTNodes.map(\.location), object.extensionSources)
            case .interface(let iface): typeNodes = self.typeNodes(iface.astNode?.location, iface.source, iface.extensionASTNodes.map(\.location), iface.extensionSources)
            default: typeNodes = []
            }
            for interfaceField in interface.fields {
                let fieldName = interfaceField.name
                guard let typeField = typeFields[fieldName] else {
                    report("Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.",
                           [(interfaceField.astNode?.location, interfaceField.source)] + typeNodes)
                    continue
                }
                if !schema.isTypeSubTypeOf(typeField.type, interfaceField.type) {
                    report("Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but \(type.name).\(fieldName) is type \(typeField.type).",
                           [(interfaceField.astNode?.type.location, interfaceField.source), (typeField.astNode?.type.location, typeField.source)])
                }
                for interfaceArgument in interfaceField.arguments {
                    let argumentName = interfaceArgument.name
                    guard let typeArgument = typeField.argument(argumentName) else {
                        report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but \(type.name).\(fieldName) does not provide it.",
                               [(interfaceArgument.astNode?.location, interfaceArgument.source), (typeField.astNode?.location, typeField.source)])
                        continue
                    }
                    if !schema.isEqualType(interfaceArgument.type, typeArgument.type) {
                        report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type \(typeArgument.type).",
                               [(interfaceArgument.astNode?.type.location, interfaceArgument.source), (typeArgument.astNode?.type.location, typeArgument.source)])
                    }
                }
                for typeArgument in typeField.arguments where interfaceField.argument(typeArgument.name) == nil && typeArgument.isRequired {
                    report("Object field \(type.name).\(fieldName) includes required argument \(typeArgument.name) that is missing from the Interface field \(interface.name).\(fieldName).",
                           [(typeArgument.astNode?.location, typeArgument.source), (interfaceField.astNode?.location, interfaceField.source)])
                }
            }
        }

        mutating func validateUnionMembers(_ union: GraphQLUnionType) {
            if union.types.isEmpty {
                report("Union type \(union.name) must define one or more member types.",
                       typeNodes(union.astNode?.location, union.source, union.extensionASTNodes.map(\.location), union.extensionSources))
            }
            let memberNodes = (union.astNode?.types ?? []).map { ($0, union.source) }
                + zip(union.extensionASTNodes, union.extensionSources).flatMap { node, source in node.types.map { ($0, source) } }
            var seen: Set<String> = []
            for member in union.types {
                if seen.contains(member) {
                    report("Union type \(union.name) can only include type \(member) once.", nodes(memberNodes, named: member))
                    continue
                }
                seen.insert(member)
                if schema.objectType(member) == nil {
                    report("Union type \(union.name) can only include Object types, it cannot include \(member).", nodes(memberNodes, named: member))
                }
            }
        }

        mutating func validateInputFields(_ input: GraphQLInputObjectType) {
            if input.fields.isEmpty {
                report("Input Object type \(input.name) must define one or more fields.",
                       typeNodes(input.astNode?.location, input.source, input.extensionASTNodes.map(\.location), input.extensionSources))
            }
            for field in input.fields {
                validateName(field.name, (field.astNode?.location, field.source))
                if !schema.isInputType(field.type) {
                    report("The type of \(input.name).\(field.name) must be Input Type but got: \(field.type).", [(field.astNode?.type.location, field.source)])
                }
                if field.isRequired && field.deprecationReason != nil {
                    report("Required input field \(input.name).\(field.name) cannot be deprecated.",
                           [(deprecatedDirectiveNode(field.astNode?.directives), field.source), (field.astNode?.type.location, field.source)])
                }
                if input.isOneOf {
                    if field.type.isNonNull {
                        report("OneOf input field \(input.name).\(field.name) must be nullable.", [(field.astNode?.type.location, field.source)])
                    }
                    if field.defaultValue != nil {
                        report("OneOf input field \(input.name).\(field.name) cannot have a default value.", [(field.astNode?.location, field.source)])
                    }
                }
            }
        }
    }
}

/// Finds input objects that contain themselves through non-null fields (which no finite value
/// could satisfy), as graphql-js's `createInputObjectCircularRefsValidator`, without recursion.
private struct InputObjectCycleDetector {
    var visited: Set<String> = []

    mutating func detect(_ start: GraphQLInputObjectType, in schema: GraphQLSchema, report: (String, [SourcedNode]) -> Void) {
        guard !visited.contains(start.name) else { return }
        // Each frame: the type, the position of the next field to look at.
        var frames: [(type: GraphQLInputObjectType, next: Int)] = []
        var fieldPath: [GraphQLInputValue] = []
        var pathIndexByType: [String: Int] = [:]

        func enter(_ type: GraphQLInputObjectType) {
            visited.insert(type.name)
            pathIndexByType[type.name] = fieldPath.count
            frames.append((type, 0))
        }
        enter(start)
        while let top = frames.last {
            let fields = top.type.fields
            guard top.next < fields.count else {
                pathIndexByType[top.type.name] = nil
                frames.removeLast()
                if !frames.isEmpty { fieldPath.removeLast() }
                continue
            }
            frames[frames.count - 1].next += 1
            let field = fields[top.next]
            guard case .nonNull(.named(let fieldTypeName)) = field.type, let fieldType = schema.inputObjectType(fieldTypeName) else { continue }
            fieldPath.append(field)
            if let cycleIndex = pathIndexByType[fieldTypeName] {
                let cycle = fieldPath[cycleIndex...]
                report("Cannot reference Input Object \"\(fieldTypeName)\" within itself through a series of non-null fields: \"\(cycle.map(\.name).joined(separator: "."))\".",
                       cycle.map { ($0.astNode?.location, $0.source) })
                fieldPath.removeLast()
            } else if visited.contains(fieldTypeName) {
                fieldPath.removeLast()
            } else {
                enter(fieldType)
            }
        }
    }
}
