extension DocumentParser {
    /// OperationDefinition : SelectionSet | Description? OperationType Name? VariableDefinitions? Directives? SelectionSet
    mutating func parseOperationDefinition() throws(SyntaxFailure) -> OperationDefinition {
        let start = token.start
        if peek(.braceL) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(operation: .query, selectionSet: selectionSet, location: location(from: start))
        }
        let description = options.allowExecutableDescriptions ? try parseDescription() : nil
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives,
                                   selectionSet: selectionSet, description: description, location: location(from: start))
    }

    /// OperationType : one of query mutation subscription
    mutating func parseOperationType() throws(SyntaxFailure) -> OperationType {
        let current = try expect(.name)
        if isKeyword(current, "query") { return .query }
        if isKeyword(current, "mutation") { return .mutation }
        if isKeyword(current, "subscription") { return .subscription }
        throw unexpected(current)
    }

    /// VariableDefinitions : ( VariableDefinition+ )
    mutating func parseVariableDefinitions() throws(SyntaxFailure) -> [VariableDefinition] {
        try optionalMany(.parenL, .parenR) { (parser: inout DocumentParser) throws(SyntaxFailure) in try parser.parseVariableDefinition() }
    }

    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    mutating func parseVariableDefinition() throws(SyntaxFailure) -> VariableDefinition {
        let start = token.start
        let description = options.allowExecutableDescriptions ? try parseDescription() : nil
        let variable = try parseVariable()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return VariableDefinition(variable: variable, type: type, defaultValue: defaultValue, directives: directives,
                                  description: description, location: location(from: start))
    }

    /// Variable : $ Name
    mutating func parseVariable() throws(SyntaxFailure) -> Variable {
        let start = token.start
        try expect(.dollar)
        let name = try parseName()
        return Variable(name: name, location: location(from: start))
    }

    /// SelectionSet : { Selection+ }
    ///
    /// Each selection is constructed in place on ``selectionStack`` (a `Selection` is large, and
    /// returning it through the recursion copied it several times); the finished list is moved
    /// off the stack into one exactly-sized ``SelectionList``.
    @inline(never)
    mutating func parseSelectionSet() throws(SyntaxFailure) -> SelectionSet {
        let start = token.start
        try enterNesting()
        try expect(.braceL)
        let base = selectionStack.count
        repeat {
            if peek(.spread) {
                try parseFragment()
            } else {
                try parseField()
            }
        } while try !expectOptional(.braceR)
        depth -= 1
        return SelectionSet(selections: selectionStack.popSelectionList(from: base), location: location(from: start))
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?, pushed on ``selectionStack``.
    ///
    /// A plain field (a name, maybe a selection set) is read here; an alias, arguments or
    /// directives are read out of line (``parseFieldExtras(nameOrAlias:)``), so the frame that
    /// stays on the stack while the selection set recurses is small.
    @inline(never)
    mutating func parseField() throws(SyntaxFailure) {
        let start = token.start
        var name = try parseName()
        var extras: FieldExtras?
        switch token.kind {
        case .colon, .parenL, .at: (name, extras) = try parseFieldExtras(nameOrAlias: name)
        default: break
        }
        let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
        let location = location(from: start)
        selectionStack.pushField(name: name, extras: extras, selectionSet: selectionSet, location: location)
    }

    /// `: Name`? Arguments? Directives? after a field's first name: the field's name and its
    /// alias, arguments and directives.
    @inline(never)
    mutating func parseFieldExtras(nameOrAlias: Name) throws(SyntaxFailure) -> (name: Name, extras: FieldExtras?) {
        var alias: Name?
        var name = nameOrAlias
        if try expectOptional(.colon) {
            alias = nameOrAlias
            name = try parseName()
        }
        let arguments = peek(.parenL) ? try parseArguments(isConst: false) : []
        let directives = peek(.at) ? try parseDirectives(isConst: false) : []
        return (name, FieldExtras.make(alias: alias, arguments: arguments, directives: directives))
    }

    /// FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    /// (pushed on ``selectionStack``).
    @inline(never)
    mutating func parseFragment() throws(SyntaxFailure) {
        let start = token.start
        try expect(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            selectionStack.push(.fragmentSpread(FragmentSpread(name: name, directives: directives, location: location(from: start))))
            return
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        selectionStack.push(.inlineFragment(InlineFragment(typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
                                                           location: location(from: start))))
    }

    /// FragmentDefinition : Description? fragment FragmentName on TypeCondition Directives? SelectionSet
    mutating func parseFragmentDefinition() throws(SyntaxFailure) -> FragmentDefinition {
        let start = token.start
        let description = options.allowExecutableDescriptions ? try parseDescription() : nil
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        let variableDefinitions = options.allowLegacyFragmentVariables ? try parseVariableDefinitions() : []
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(name: name, variableDefinitions: variableDefinitions, typeCondition: typeCondition,
                                  directives: directives, selectionSet: selectionSet, description: description,
                                  location: location(from: start))
    }

    @inline(never)
    func variableInConstant(at start: Int) -> SyntaxFailure {
        SyntaxFailure(position: start, description: "Unexpected variable \"$\(text(of: token))\" in constant value.")
    }

    /// FragmentName : Name but not `on`
    mutating func parseFragmentName() throws(SyntaxFailure) -> Name {
        if isKeyword(token, "on") { throw unexpected() }
        return try parseName()
    }

    // MARK: Values

    /// Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
    ///              | ListValue[?Const] | ObjectValue[?Const]
    ///
    /// Lists and objects recurse through their own small functions, and everything else is
    /// parsed out of line, so each nesting level costs little stack.
    @inline(never)
    mutating func parseValueLiteral(isConst: Bool) throws(SyntaxFailure) -> Value {
        switch token.kind {
        case .bracketL: return .list(try parseListValue(isConst: isConst))
        case .braceL: return .object(try parseObjectValue(isConst: isConst))
        default: return try parseScalarValue(isConst: isConst)
        }
    }

    /// ListValue[Const] : [ ] | [ Value[?Const]+ ]
    @inline(never)
    mutating func parseListValue(isConst: Bool) throws(SyntaxFailure) -> ListValue {
        let start = token.start
        try enterNesting()
        try advance()
        var values: [Value] = []
        while try !expectOptional(.bracketR) {
            values.append(try parseValueLiteral(isConst: isConst))
        }
        depth -= 1
        return ListValue(values: values, location: location(from: start))
    }

    /// ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    @inline(never)
    mutating func parseObjectValue(isConst: Bool) throws(SyntaxFailure) -> ObjectValue {
        let start = token.start
        try enterNesting()
        try advance()
        var fields: [ObjectField] = []
        while try !expectOptional(.braceR) {
            let fieldStart = token.start
            let name = try parseNameBeforeColon()
            let value = try parseValueLiteral(isConst: isConst)
            fields.append(ObjectField(name: name, value: value, location: location(from: fieldStart)))
        }
        depth -= 1
        return ObjectValue(fields: fields, location: location(from: start))
    }

    /// `Name :` (an object field's or argument's name and its colon).
    @inline(never)
    mutating func parseNameBeforeColon() throws(SyntaxFailure) -> Name {
        let name = try parseName()
        try expect(.colon)
        return name
    }

    /// Every value that is not a list or an object.
    @inline(never)
    mutating func parseScalarValue(isConst: Bool) throws(SyntaxFailure) -> Value {
        let current = token
        switch current.kind {
        case .int:
            try advance()
            return .int(IntValue(asciiText(of: current), location: location(from: current.start)))
        case .float:
            try advance()
            return .float(FloatValue(asciiText(of: current), location: location(from: current.start)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advance()
            if isKeyword(current, "true") { return .boolean(BooleanValue(true, location: location(from: current.start))) }
            if isKeyword(current, "false") { return .boolean(BooleanValue(false, location: location(from: current.start))) }
            if isKeyword(current, "null") { return .null(NullValue(location: location(from: current.start))) }
            return .enumValue(EnumValue(asciiText(of: current), location: location(from: current.start)))
        case .dollar:
            if isConst {
                try expect(.dollar)
                if token.kind == .name { throw variableInConstant(at: current.start) }
                throw unexpected(current)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }
}
