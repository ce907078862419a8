// The walker behind visit(_:with:): one function per node kind, generated from the node
// shapes in AST/ so the traversal order matches graphql-js's QueryDocumentKeys exactly.
// Each function visits `node` in place and reports whether it changed; a child is copied into
// a local only while it is visited, so a level of nesting costs one small frame per node kind.

extension ASTWalker {
    @inlinable
    mutating func visitDocument(_ node: inout Document) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if list(&node.definitions, { $0.visitDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitOperationDefinition(_ node: inout OperationDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if var child = node.name {
            switch visitName(&child) {
            case .unchanged: break
            case .changed: node.name = child; changed = true
            case .removed: node.name = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.variableDefinitions, { $0.visitVariableDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitSelectionSet(&node.selectionSet) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitVariableDefinition(_ node: inout VariableDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitVariable(&node.variable) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitTypeReference(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if var child = node.defaultValue {
            switch visitValue(&child) {
            case .unchanged: break
            case .changed: node.defaultValue = child; changed = true
            case .removed: node.defaultValue = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitVariable(_ node: inout Variable) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitSelectionSet(_ node: inout SelectionSet) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if list(&node.selections, { $0.visitSelection(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitField(_ node: inout Field) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.alias {
            switch visitName(&child) {
            case .unchanged: break
            case .changed: node.alias = child; changed = true
            case .removed: node.alias = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        // Arguments and directives are computed properties of a field (see ``Field``): copied
        // out and written back only when changed, so a read-only visit never rebuilds the box.
        var arguments = node.arguments
        if list(&arguments, { $0.visitArgument(&$1) }) {
            node.arguments = arguments
            changed = true
        }
        if stopped { return changed ? .changed : .unchanged }
        var directives = node.directives
        if list(&directives, { $0.visitDirective(&$1) }) {
            node.directives = directives
            changed = true
        }
        if stopped { return changed ? .changed : .unchanged }
        if var child = node.selectionSet {
            switch visitSelectionSet(&child) {
            case .unchanged: break
            case .changed: node.selectionSet = child; changed = true
            case .removed: node.selectionSet = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitArgument(_ node: inout Argument) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitValue(&node.value) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitFragmentSpread(_ node: inout FragmentSpread) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInlineFragment(_ node: inout InlineFragment) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.typeCondition {
            switch visitNamedType(&child) {
            case .unchanged: break
            case .changed: node.typeCondition = child; changed = true
            case .removed: node.typeCondition = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitSelectionSet(&node.selectionSet) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitFragmentDefinition(_ node: inout FragmentDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.variableDefinitions, { $0.visitVariableDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitNamedType(&node.typeCondition) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitSelectionSet(&node.selectionSet) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitIntValue(_ node: inout IntValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitFloatValue(_ node: inout FloatValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitStringValue(_ node: inout StringValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitBooleanValue(_ node: inout BooleanValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitNullValue(_ node: inout NullValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitEnumValue(_ node: inout EnumValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitListValue(_ node: inout ListValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if list(&node.values, { $0.visitValue(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitObjectValue(_ node: inout ObjectValue) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if list(&node.fields, { $0.visitObjectField(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitObjectField(_ node: inout ObjectField) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitValue(&node.value) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitDirective(_ node: inout Directive) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.arguments, { $0.visitArgument(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitNamedType(_ node: inout NamedType) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitListType(_ node: inout ListType) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitTypeReference(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitNonNullType(_ node: inout NonNullType) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitTypeReference(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitSchemaDefinition(_ node: inout SchemaDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.operationTypes, { $0.visitOperationTypeDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitOperationTypeDefinition(_ node: inout OperationTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitNamedType(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitScalarTypeDefinition(_ node: inout ScalarTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitObjectTypeDefinition(_ node: inout ObjectTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.interfaces, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitFieldDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitFieldDefinition(_ node: inout FieldDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.arguments, { $0.visitInputValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitTypeReference(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInputValueDefinition(_ node: inout InputValueDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if visitTypeReference(&node.type) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if var child = node.defaultValue {
            switch visitValue(&child) {
            case .unchanged: break
            case .changed: node.defaultValue = child; changed = true
            case .removed: node.defaultValue = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInterfaceTypeDefinition(_ node: inout InterfaceTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.interfaces, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitFieldDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitUnionTypeDefinition(_ node: inout UnionTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.types, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitEnumTypeDefinition(_ node: inout EnumTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.values, { $0.visitEnumValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitEnumValueDefinition(_ node: inout EnumValueDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInputObjectTypeDefinition(_ node: inout InputObjectTypeDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitInputValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitDirectiveDefinition(_ node: inout DirectiveDefinition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if var child = node.description {
            switch visitStringValue(&child) {
            case .unchanged: break
            case .changed: node.description = child; changed = true
            case .removed: node.description = nil; changed = true
            }
        }
        if stopped { return changed ? .changed : .unchanged }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.arguments, { $0.visitInputValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.locations, { $0.visitName(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitSchemaExtension(_ node: inout SchemaExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.operationTypes, { $0.visitOperationTypeDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitScalarTypeExtension(_ node: inout ScalarTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitObjectTypeExtension(_ node: inout ObjectTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.interfaces, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitFieldDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInterfaceTypeExtension(_ node: inout InterfaceTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.interfaces, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitFieldDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitUnionTypeExtension(_ node: inout UnionTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.types, { $0.visitNamedType(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitEnumTypeExtension(_ node: inout EnumTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.values, { $0.visitEnumValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitInputObjectTypeExtension(_ node: inout InputObjectTypeExtension) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if visitName(&node.name) == .changed { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.directives, { $0.visitDirective(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        if list(&node.fields, { $0.visitInputValueDefinition(&$1) }) { changed = true }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitName(_ node: inout Name) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitDefinition(_ node: inout Definition) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        let inner: Change
        switch node {
        case .operation(var child):
            inner = visitOperationDefinition(&child)
            if inner == .changed { node = .operation(child) }
        case .fragment(var child):
            inner = visitFragmentDefinition(&child)
            if inner == .changed { node = .fragment(child) }
        case .schema(var child):
            inner = visitSchemaDefinition(&child)
            if inner == .changed { node = .schema(child) }
        case .`type`(var child):
            inner = visitTypeDefinition(&child)
            if inner == .changed { node = .`type`(child) }
        case .directive(var child):
            inner = visitDirectiveDefinition(&child)
            if inner == .changed { node = .directive(child) }
        case .schemaExtension(var child):
            inner = visitSchemaExtension(&child)
            if inner == .changed { node = .schemaExtension(child) }
        case .typeExtension(var child):
            inner = visitTypeExtension(&child)
            if inner == .changed { node = .typeExtension(child) }
        }
        switch inner {
        case .unchanged: break
        case .changed: changed = true
        case .removed: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitSelection(_ node: inout Selection) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        let inner: Change
        switch node {
        case .field(var child):
            inner = visitField(&child)
            if inner == .changed { node = .field(child) }
        case .fragmentSpread(var child):
            inner = visitFragmentSpread(&child)
            if inner == .changed { node = .fragmentSpread(child) }
        case .inlineFragment(var child):
            inner = visitInlineFragment(&child)
            if inner == .changed { node = .inlineFragment(child) }
        }
        switch inner {
        case .unchanged: break
        case .changed: changed = true
        case .removed: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitValue(_ node: inout Value) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        let inner: Change
        switch node {
        case .variable(var child):
            inner = visitVariable(&child)
            if inner == .changed { node = .variable(child) }
        case .int(var child):
            inner = visitIntValue(&child)
            if inner == .changed { node = .int(child) }
        case .float(var child):
            inner = visitFloatValue(&child)
            if inner == .changed { node = .float(child) }
        case .string(var child):
            inner = visitStringValue(&child)
            if inner == .changed { node = .string(child) }
        case .boolean(var child):
            inner = visitBooleanValue(&child)
            if inner == .changed { node = .boolean(child) }
        case .`null`(var child):
            inner = visitNullValue(&child)
            if inner == .changed { node = .`null`(child) }
        case .enumValue(var child):
            inner = visitEnumValue(&child)
            if inner == .changed { node = .enumValue(child) }
        case .list(var child):
            inner = visitListValue(&child)
            if inner == .changed { node = .list(child) }
        case .object(var child):
            inner = visitObjectValue(&child)
            if inner == .changed { node = .object(child) }
        }
        switch inner {
        case .unchanged: break
        case .changed: changed = true
        case .removed: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitTypeReference(_ node: inout TypeReference) -> Change {
        var changed = false
        switch visitor.enter(node) {
        case .proceed: break
        case .skipChildren: return .unchanged
        case .stop:
            stopped = true
            return .unchanged
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        let inner: Change
        switch node {
        case .named(var child):
            inner = visitNamedType(&child)
            if inner == .changed { node = .named(child) }
        case .list(var child):
            inner = visitListType(&child)
            if inner == .changed { node = .list(child) }
        case .nonNull(var child):
            inner = visitNonNullType(&child)
            if inner == .changed { node = .nonNull(child) }
        }
        switch inner {
        case .unchanged: break
        case .changed: changed = true
        case .removed: return .removed
        }
        if stopped { return changed ? .changed : .unchanged }
        switch visitor.leave(node) {
        case .proceed, .skipChildren: break
        case .stop: stopped = true
        case .replace(let replacement):
            node = replacement
            changed = true
        case .remove: return .removed
        }
        return changed ? .changed : .unchanged
    }

    @inlinable
    mutating func visitTypeDefinition(_ node: inout TypeDefinition) -> Change {
        let inner: Change
        switch node {
        case .scalar(var child):
            inner = visitScalarTypeDefinition(&child)
            if inner == .changed { node = .scalar(child) }
        case .object(var child):
            inner = visitObjectTypeDefinition(&child)
            if inner == .changed { node = .object(child) }
        case .interface(var child):
            inner = visitInterfaceTypeDefinition(&child)
            if inner == .changed { node = .interface(child) }
        case .union(var child):
            inner = visitUnionTypeDefinition(&child)
            if inner == .changed { node = .union(child) }
        case .`enum`(var child):
            inner = visitEnumTypeDefinition(&child)
            if inner == .changed { node = .`enum`(child) }
        case .inputObject(var child):
            inner = visitInputObjectTypeDefinition(&child)
            if inner == .changed { node = .inputObject(child) }
        }
        return inner
    }

    @inlinable
    mutating func visitTypeExtension(_ node: inout TypeExtension) -> Change {
        let inner: Change
        switch node {
        case .scalar(var child):
            inner = visitScalarTypeExtension(&child)
            if inner == .changed { node = .scalar(child) }
        case .object(var child):
            inner = visitObjectTypeExtension(&child)
            if inner == .changed { node = .object(child) }
        case .interface(var child):
            inner = visitInterfaceTypeExtension(&child)
            if inner == .changed { node = .interface(child) }
        case .union(var child):
            inner = visitUnionTypeExtension(&child)
            if inner == .changed { node = .union(child) }
        case .`enum`(var child):
            inner = visitEnumTypeExtension(&child)
            if inner == .changed { node = .`enum`(child) }
        case .inputObject(var child):
            inner = visitInputObjectTypeExtension(&child)
            if inner == .changed { node = .inputObject(child) }
        }
        return inner
    }

}
