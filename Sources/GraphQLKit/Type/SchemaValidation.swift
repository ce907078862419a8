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

        mutating func report(_ message: String, _ nodes: [Location?]) {
            errors.append(GraphQLError.about(message, nodes: nodes))
        }

        func operationTypeNode(_ operation: OperationType) -> Location? {
            let nodes = (schema.astNode.map { [$0.operationTypes] } ?? []) + schema.extensionASTNodes.map(\.operationTypes)
            return nodes.joined().first { $0.operation == operation }?.type.location
        }

        mutating func validateRootTypes() {
            if let name = schema.queryTypeName {
                if let type = schema.namedType(name), case .object = type {} else {
                    report("Query root type must be Object type, it cannot be \(name).",
                           [operationTypeNode(.query) ?? schema.namedType(name)?.definitionLocation])
                }
            } else {
                report("Query root type must be provided.", [schema.astNode?.location])
            }
            if let name = schema.mutationTypeName, schema.objectType(name) == nil {
                report("Mutation root type must be Object type if provided, it cannot be \(name).",
                       [operationTypeNode(.mutation) ?? schema.namedType(name)?.definitionLocation])
            }
            if let name = schema.subscriptionTypeName, schema.objectType(name) == nil {
                report("Subscription root type must be Object type if provided, it cannot be \(name).",
                       [operationTypeNode(.subscription) ?? schema.namedType(name)?.definitionLocation])
            }
        }

        mutating func validateName(_ name: String, _ node: Location?) {
            if name.hasPrefix("__") {
                report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node])
            }
        }

        mutating func validateDirectives() {
            for directive in schema.directives {
                validateName(directive.name, directive.astNode?.location)
                for argument in directive.arguments {
                    validateName(argument.name, argument.astNode?.location)
                    if !schema.isInputType(argument.type) {
                        report("The type of @\(directive.name)(\(argument.name):) must be Input Type but got: \(argument.type).", [argument.astNode?.location])
                    }
                    if argument.isRequired && argument.deprecationReason != nil {
                        report("Required argument @\(directive.name)(\(argument.name):) cannot be deprecated.",
                               [deprecatedDirectiveNode(argument.astNode?.directives), argument.astNode?.type.location])
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
                    validateName(type.name, type.definitionLocation)
                }
                switch type {
                case .object(let object):
                    validateFields(typeName: object.name, fields: object.fields,
                                   typeNodes: [object.astNode?.location] + object.extensionASTNodes.map(\.location))
                    validateInterfaces(type, interfaceNodes: implementsNodes(type))
                case .interface(let interface):
                    validateFields(typeName: interface.name, fields: interface.fields,
                                   typeNodes: [interface.astNode?.location] + interface.extensionASTNodes.map(\.location))
                    validateInterfaces(type, interfaceNodes: implementsNodes(type))
                case .union(let union):
                    validateUnionMembers(union)
                case .enum(let enumType):
                    if enumType.values.isEmpty {
                        report("Enum type \(enumType.name) must define one or more values.",
                               [enumType.astNode?.location] + enumType.extensionASTNodes.map(\.location))
                    }
                    for value in enumType.values { validateName(value.name, value.astNode?.location) }
                case .inputObject(let input):
                    validateInputFields(input)
                    cycles.detect(input, in: schema, report: { self.report($0, $1) })
                case .scalar:
                    break
                }
            }
        }

        mutating func validateFields(typeName: String, fields: NamedList<GraphQLField>, typeNodes: [Location?]) {
            if fields.isEmpty {
                report("Type \(typeName) must define one or more fields.", typeNodes)
            }
            for field in fields {
                validateName(field.name, field.astNode?.location)
                if !schema.isOutputType(field.type) {
                    report("The type of \(typeName).\(field.name) must be Output Type but got: \(field.type).", [field.astNode?.type.location])
                }
                for argument in field.arguments {
                    validateName(argument.name, argument.astNode?.location)
                    if !schema.isInputType(argument.type) {
                        report("The type of \(typeName).\(field.name)(\(argument.name):) must be Input Type but got: \(argument.type).",
                               [argument.astNode?.type.location])
                    }
                    if argument.isRequired && argument.deprecationReason != nil {
                        report("Required argument \(typeName).\(field.name)(\(argument.name):) cannot be deprecated.",
                               [deprecatedDirectiveNode(argument.astNode?.directives), argument.astNode?.type.location])
                    }
                }
            }
        }

        /// The `implements` names written in a type's definition and extensions.
        func implementsNodes(_ type: GraphQLNamedType) -> [NamedType] {
            switch type {
            case .object(let object): return (object.astNode?.interfaces ?? []) + object.extensionASTNodes.flatMap(\.interfaces)
            case .interface(let interface): return (interface.astNode?.interfaces ?? []) + interface.extensionASTNodes.flatMap(\.interfaces)
            default: return []
            }
        }

        func nodes(_ interfaceNodes: [NamedType], named name: String) -> [Location?] {
            interfaceNodes.filter { $0.name.value == name }.map(\.location)
        }

        mutating func validateInterfaces(_ type: GraphQLNamedType, interfaceNodes: [NamedType]) {
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

        mutating func validateImplementsAncestors(_ type: GraphQLNamedType, _ interface: GraphQLInterfaceType, interfaceNodes: [NamedType]) {
            let ifaceNodes = (interface.astNode?.interfaces ?? []) + interface.extensionASTNodes.flatMap(\.interfaces)
            for transitive in interface.interfaces where !type.interfaces.contains(transitive) {
                let message = transitive == type.name
                    ? "Type \(type.name) cannot implement \(interface.name) because it would create a circular reference."
                    : "Type \(type.name) must implement \(transitive) because it is implemented by \(interface.name)."
                report(message, nodes(ifaceNodes, named: transitive) + nodes(interfaceNodes, named: interface.name))
            }
        }

        mutating func validateImplementsInterface(_ type: GraphQLNamedType, _ interface: GraphQLInterfaceType) {
            let typeFields = type.fields ?? NamedList()
            let typeNodes: [Location?]
            switch type {
            case .object(let object): typeNodes = [object.astNode?.location] + object.extensionASTNodes.map(\.location)
            case .interface(let iface): typeNodes = [iface.astNode?.location] + iface.extensionASTNodes.map(\.location)
            default: typeNodes = []
            }
            for interfaceField in interface.fields {
                let fieldName = interfaceField.name
                guard let typeField = typeFields[fieldName] else {
                    report("Interface field \(interface.name).\(fieldName) expected but \(type.name) does not provide it.",
                           [interfaceField.astNode?.location] + typeNodes)
                    continue
                }
                if !schema.isTypeSubTypeOf(typeField.type, interfaceField.type) {
                    report("Interface field \(interface.name).\(fieldName) expects type \(interfaceField.type) but \(type.name).\(fieldName) is type \(typeField.type).",
                           [interfaceField.astNode?.type.location, typeField.astNode?.type.location])
                }
                for interfaceArgument in interfaceField.arguments {
                    let argumentName = interfaceArgument.name
                    guard let typeArgument = typeField.argument(argumentName) else {
                        report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expected but \(type.name).\(fieldName) does not provide it.",
                               [interfaceArgument.astNode?.location, typeField.astNode?.location])
                        continue
                    }
                    if !schema.isEqualType(interfaceArgument.type, typeArgument.type) {
                        report("Interface field argument \(interface.name).\(fieldName)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(fieldName)(\(argumentName):) is type \(typeArgument.type).",
                               [interfaceArgument.astNode?.type.location, typeArgument.astNode?.type.location])
                    }
                }
                for typeArgument in typeField.arguments where interfaceField.argument(typeArgument.name) == nil && typeArgument.isRequired {
                    report("Object field \(type.name).\(fieldName) includes required argument \(typeArgument.name) that is missing from the Interface field \(interface.name).\(fieldName).",
                           [typeArgument.astNode?.location, interfaceField.astNode?.location])
                }
            }
        }

        mutating func validateUnionMembers(_ union: GraphQLUnionType) {
            if union.types.isEmpty {
                report("Union type \(union.name) must define one or more member types.",
                       [union.astNode?.location] + union.extensionASTNodes.map(\.location))
            }
            let memberNodes = (union.astNode?.types ?? []) + union.extensionASTNodes.flatMap(\.types)
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
                       [input.astNode?.location] + input.extensionASTNodes.map(\.location))
            }
            for field in input.fields {
                validateName(field.name, field.astNode?.location)
                if !schema.isInputType(field.type) {
                    report("The type of \(input.name).\(field.name) must be Input Type but got: \(field.type).", [field.astNode?.type.location])
                }
                if field.isRequired && field.deprecationReason != nil {
                    report("Required input field \(input.name).\(field.name) cannot be deprecated.",
                           [deprecatedDirectiveNode(field.astNode?.directives), field.astNode?.type.location])
                }
                if input.isOneOf {
                    if field.type.isNonNull {
                        report("OneOf input field \(input.name).\(field.name) must be nullable.", [field.astNode?.type.location])
                    }
                    if field.defaultValue != nil {
                        report("OneOf input field \(input.name).\(field.name) cannot have a default value.", [field.astNode?.location])
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

    mutating func detect(_ start: GraphQLInputObjectType, in schema: GraphQLSchema, report: (String, [Location?]) -> Void) {
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
                       cycle.map { $0.astNode?.location })
                fieldPath.removeLast()
            } else if visited.contains(fieldTypeName) {
                fieldPath.removeLast()
            } else {
                enter(fieldType)
            }
        }
    }
}
