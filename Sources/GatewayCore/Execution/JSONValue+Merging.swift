import GraphQLKit

extension JSONValue {
    /// Merges `other` into this value in place: objects member by member (recursively), lists
    /// of equal length element by element; anything else is replaced.
    mutating func deepMerge(_ other: JSONValue) {
        switch (self, other) {
        case (.object, .object(let incoming)):
            guard case .object(var object) = self else { return }
            self = .null
            object.deepMerge(incoming)
            self = .object(object)
        case (.array(let existing), .array(let incoming)) where existing.count == incoming.count:
            guard case .array(var elements) = self else { return }
            self = .null
            for index in elements.indices { elements[index].deepMerge(incoming[index]) }
            self = .array(elements)
        case (_, .null) where !isNull:
            // A null from a later fetch never erases data an earlier fetch returned.
            return
        default:
            self = other
        }
    }

    /// Calls `body` with every object at `path` (`@` steps iterate lists, nested lists are
    /// flattened) whose `__typename` is `typeName` or absent, in document order.
    mutating func forEachObject(at path: ArraySlice<String>, typeName: String, _ body: (inout JSONObject) -> Void) {
        switch self {
        case .array:
            guard case .array(var elements) = self else { return }
            self = .null
            let rest = path.first == "@" ? path.dropFirst() : path
            for index in elements.indices { elements[index].forEachObject(at: rest, typeName: typeName, body) }
            self = .array(elements)
        case .object:
            guard case .object(var object) = self else { return }
            self = .null
            if let step = path.first {
                if step != "@", let position = object.position(of: step) {
                    object.updateValue(at: position) { $0.forEachObject(at: path.dropFirst(), typeName: typeName, body) }
                }
            } else if object["__typename"]?.stringValue.map({ $0 == typeName }) ?? true {
                body(&object)
            }
            self = .object(object)
        default:
            return
        }
    }

    /// Read-only ``forEachObject(at:typeName:_:)``: same objects, same order, nothing written.
    func visitObjects(at path: ArraySlice<String>, typeName: String, _ body: (JSONObject) -> Void) {
        switch self {
        case .array(let elements):
            let rest = path.first == "@" ? path.dropFirst() : path
            for element in elements { element.visitObjects(at: rest, typeName: typeName, body) }
        case .object(let object):
            if let step = path.first {
                if step != "@", let value = object[step] { value.visitObjects(at: path.dropFirst(), typeName: typeName, body) }
            } else if object["__typename"]?.stringValue.map({ $0 == typeName }) ?? true {
                body(object)
            }
        default:
            return
        }
    }

    /// The response paths of the objects ``forEachObject(at:typeName:_:)`` visits, same order.
    func objectPaths(at path: ArraySlice<String>, typeName: String, prefix: [PathComponent], into paths: inout [[PathComponent]]) {
        switch self {
        case .array(let elements):
            let rest = path.first == "@" ? path.dropFirst() : path
            for (index, element) in elements.enumerated() {
                element.objectPaths(at: rest, typeName: typeName, prefix: prefix + [.index(index)], into: &paths)
            }
        case .object(let object):
            if let step = path.first {
                if step != "@", let value = object[step] {
                    value.objectPaths(at: path.dropFirst(), typeName: typeName, prefix: prefix + [.key(step)], into: &paths)
                }
            } else if object["__typename"]?.stringValue.map({ $0 == typeName }) ?? true {
                paths.append(prefix)
            }
        default:
            return
        }
    }
}

extension JSONObject {
    /// Merges `other` member by member (see ``JSONValue/deepMerge(_:)``).
    mutating func deepMerge(_ other: JSONObject) {
        for (key, value) in other {
            if let position = position(of: key) {
                updateValue(at: position) { $0.deepMerge(value) }
            } else {
                appendNew(key, value)
            }
        }
    }

    /// Edits the value at `position` in place.
    mutating func updateValue(at position: Int, _ edit: (inout JSONValue) -> Void) {
        let key = keys[position]
        var value = self[key] ?? .null
        self[key] = .null
        edit(&value)
        self[key] = value
    }

    /// The representation of this object: `__typename` plus the required fields, or nil when
    /// one of them is missing or null (the object cannot be resolved by key).
    func representation(typeName: String, fields: [RequiredField]) -> JSONValue? {
        var result = JSONObject()
        result.appendNew("__typename", .string(typeName))
        for field in fields {
            guard let value = self[field.name], !value.isNull else { return nil }
            guard let projected = Self.project(value, field.children) else { return nil }
            result.appendNew(field.name, projected)
        }
        return .object(result)
    }

    private static func project(_ value: JSONValue, _ children: [RequiredField]) -> JSONValue? {
        if children.isEmpty { return value }
        switch value {
        case .object(let object):
            var result = JSONObject()
            for child in children {
                guard let inner = object[child.name] else { return nil }
                if inner.isNull { result.appendNew(child.name, .null); continue }
                guard let projected = project(inner, child.children) else { return nil }
                result.appendNew(child.name, projected)
            }
            return .object(result)
        case .array(let elements):
            var result: [JSONValue] = []
            for element in elements {
                guard let projected = project(element, children) else { return nil }
                result.append(projected)
            }
            return .array(result)
        default:
            return value
        }
    }
}
