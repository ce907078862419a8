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
        var value = values[position]
        self[key] = .null
        edit(&value)
        self[key] = value
    }

    /// Writes the representation of this object as JSON to `output`: `__typename` plus the
    /// required fields (projected to their sub-fields). False, with partial output the caller
    /// discards, when one of them is missing or null (the object cannot be resolved by key).
    func writeRepresentation(typeName: String, fields: [RequiredField], to output: inout [UInt8]) -> Bool {
        output.append(contentsOf: #"{"__typename":"#.utf8)
        JSONValue.string(typeName).write(to: &output)
        for field in fields {
            guard let value = self[field.name], !value.isNull else { return false }
            output.append(UInt8(ascii: ","))
            writeJSONKey(field.name, to: &output)
            guard Self.writeProjection(value, field.children, to: &output) else { return false }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }

    private static func writeProjection(_ value: JSONValue, _ children: [RequiredField], to output: inout [UInt8]) -> Bool {
        if children.isEmpty {
            value.write(to: &output)
            return true
        }
        switch value {
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, child) in children.enumerated() {
                guard let inner = object[child.name] else { return false }
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeJSONKey(child.name, to: &output)
                if inner.isNull {
                    output.append(contentsOf: "null".utf8)
                    continue
                }
                guard writeProjection(inner, child.children, to: &output) else { return false }
            }
            output.append(UInt8(ascii: "}"))
            return true
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                guard writeProjection(element, children, to: &output) else { return false }
            }
            output.append(UInt8(ascii: "]"))
            return true
        default:
            value.write(to: &output)
            return true
        }
    }
}

/// Writes `"key":` (the key JSON-escaped) to `output`.
func writeJSONKey(_ key: String, to output: inout [UInt8]) {
    JSONValue.string(key).write(to: &output)
    output.append(UInt8(ascii: ":"))
}
