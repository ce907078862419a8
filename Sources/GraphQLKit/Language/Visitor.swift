/// What a visitor hook tells the walker to do next.
public enum VisitAction<Node> {
    /// Go on: visit the node's children (from `enter`), or just continue (from `leave`).
    case proceed
    /// Don't visit this node's children (from `leave` it means the same as ``proceed``).
    case skipChildren
    /// Stop the whole traversal; edits made so far are kept.
    case stop
    /// Put this node in place of the visited one (from `enter`, its children are then visited).
    case replace(Node)
    /// Remove the node. Honoured where the AST can hold its absence: an element of a list or an
    /// optional child; for a required child (a field's name, an argument's value) it is ignored.
    case remove
}

/// Walks `document` depth-first, calling `visitor`'s hooks (see ``ASTVisitor``), and returns
/// the document with the visitor's edits applied; when nothing was edited that is `document`
/// itself, unchanged.
///
/// ```swift
/// // Remove every @client field.
/// struct StripClientFields: ASTVisitor {
///     mutating func enter(_ node: Selection) -> VisitAction<Selection> {
///         if node.directives.contains(where: { $0.name.value == "client" }) { return .remove }
///         return .proceed
///     }
/// }
/// var stripper = StripClientFields()
/// let serverDocument = visit(document, with: &stripper)
/// ```
@inlinable @discardableResult
public func visit<V: ASTVisitor>(_ document: Document, with visitor: inout V) -> Document {
    var walker = ASTWalker(visitor: visitor)
    var node = document
    _ = walker.visitDocument(&node)
    visitor = walker.visitor
    return node
}

/// Walks a single value (see ``visit(_:with:)``); nil if the visitor removed it.
@inlinable @discardableResult
public func visit<V: ASTVisitor>(_ value: Value, with visitor: inout V) -> Value? {
    var walker = ASTWalker(visitor: visitor)
    var node = value
    let change = walker.visitValue(&node)
    visitor = walker.visitor
    return change == .removed ? nil : node
}

/// Walks a single definition; nil if the visitor removed it.
@inlinable @discardableResult
public func visit<V: ASTVisitor>(_ definition: Definition, with visitor: inout V) -> Definition? {
    var walker = ASTWalker(visitor: visitor)
    var node = definition
    let change = walker.visitDefinition(&node)
    visitor = walker.visitor
    return change == .removed ? nil : node
}

/// Walks a single selection set.
@inlinable @discardableResult
public func visit<V: ASTVisitor>(_ selectionSet: SelectionSet, with visitor: inout V) -> SelectionSet {
    var walker = ASTWalker(visitor: visitor)
    var node = selectionSet
    _ = walker.visitSelectionSet(&node)
    visitor = walker.visitor
    return node
}

/// What visiting one node did to it.
@usableFromInline
enum Change: Equatable {
    case unchanged
    case changed
    case removed
}

/// Depth-first traversal that edits nodes in place. Children are only read until one is
/// edited, so read-only visitors never copy the AST's arrays, and each nesting level keeps one
/// local copy of the node being visited (small frames: deep documents fit small stacks).
@usableFromInline
struct ASTWalker<V: ASTVisitor> {
    @usableFromInline var visitor: V
    @usableFromInline var stopped = false

    @inlinable init(visitor: V) {
        self.visitor = visitor
    }

    /// Visits each element of `items` (an array or a ``SelectionList``); rebuilds the list only
    /// if an element changed or was removed. Returns whether it did. The rebuilt elements are
    /// collected in an array whatever `Items` is (a ``SelectionList``'s own append code, inlined
    /// here, made each nesting level's frame larger).
    @inlinable
    mutating func list<Items: RandomAccessCollection & RangeReplaceableCollection>(
        _ items: inout Items, _ visitChild: (inout ASTWalker, inout Items.Element) -> Change
    ) -> Bool where Items.Index == Int {
        var rebuilt: [Items.Element]?
        var index = 0
        while index < items.count {
            var child = items[index]
            switch visitChild(&self, &child) {
            case .unchanged:
                rebuilt?.append(child)
            case .changed:
                if rebuilt == nil { rebuilt = Array(items[..<index]) }
                rebuilt!.append(child)
            case .removed:
                if rebuilt == nil { rebuilt = Array(items[..<index]) }
            }
            index += 1
            if stopped { break }
        }
        guard var rebuilt else { return false }
        if index < items.count { rebuilt.append(contentsOf: items[index...]) }
        items = Items(rebuilt)
        return true
    }
}
