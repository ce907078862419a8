import GraphQLKit

extension JSONValue {
    /// Merges `other` into this value in place: objects member by member (recursively), lists
    /// of equal length element by element; anything else is replaced.
    mutating func deepMerge(_ other: JSONValue) {
        // Matched on `other` alone (no tuple holding a second reference to this value), so the
        // payload taken out of `self` is uniquely referenced and edited without a copy.
        switch other {
        case .object(let incoming):
            if case .object(var object) = self {
                self = .null
                object.deepMerge(incoming)
                self = .object(object)
            } else {
                self = other
            }
        case .array(let incoming):
            if case .array(var elements) = self, elements.count == incoming.count {
                self = .null
                for index in elements.indices { elements[index].deepMerge(incoming[index]) }
                self = .array(elements)
            } else {
                self = other
            }
        case .null:
            // A null from a later fetch never erases data an earlier fetch returned.
            return
        default:
            self = other
        }
    }

    /// Merges `entities[indices[n]]` into the n-th object at `path` (`@` steps iterate lists,
    /// nested lists are flattened) whose `__typename` is `typeName` or absent, in document order;
    /// `position` counts the objects met (it starts at 0). Objects whose index is negative or
    /// out of range, or whose entity is not an object, are left as they are.
    mutating func mergeEntities(at path: ArraySlice<String>, typeName: String, entities: [JSONValue], indices: [Int], position: inout Int) {
        // `if case` rather than `switch self`: a switch may keep a copy of `self` alive for its
        // whole body, and that second reference makes every edit below copy the array.
        if case .array(var elements) = self {
            self = .null
            let rest = path.first == "@" ? path.dropFirst() : path
            for index in elements.indices {
                elements[index].mergeEntities(at: rest, typeName: typeName, entities: entities, indices: indices, position: &position)
            }
            self = .array(elements)
            return
        }
        guard case .object(var object) = self else { return }
        if let step = path.first {
            guard step != "@", let member = object.position(of: step) else { return }
            self = .null
            object.modifyValue(at: member) {
                $0.mergeEntities(at: path.dropFirst(), typeName: typeName, entities: entities, indices: indices, position: &position)
            }
            self = .object(object)
        } else if object.hasTypeName(typeName) {
            defer { position += 1 }
            guard position < indices.count else { return }
            let index = indices[position]
            guard index >= 0, index < entities.count, case .object(let entity) = entities[index] else { return }
            self = .null
            object.deepMerge(entity)
            self = .object(object)
        }
    }

    /// The objects ``mergeEntities(at:typeName:entities:indices:position:)`` visits, same order,
    /// appended to `objects` (read-only: nothing in the tree is written).
    func collectObjects(at path: ArraySlice<String>, typeName: String, into objects: inout [JSONObject]) {
        switch self {
        case .array(let elements):
            let rest = path.first == "@" ? path.dropFirst() : path
            for element in elements { element.collectObjects(at: rest, typeName: typeName, into: &objects) }
        case .object(let object):
            if let step = path.first {
                if step != "@", let value = object[step] { value.collectObjects(at: path.dropFirst(), typeName: typeName, into: &objects) }
            } else if object.hasTypeName(typeName) {
                objects.append(object)
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
            } else if object.hasTypeName(typeName) {
                paths.append(prefix)
            }
        default:
            return
        }
    }
}

extension JSONObject {
    /// Whether this object's `__typename` is `typeName`, or it has none.
    func hasTypeName(_ typeName: String) -> Bool {
        guard let position = position(of: "__typename") else { return true }
        if case .string(let name) = values[position] { return name == typeName }
        return true
    }

    /// Merges `other` member by member (see ``JSONValue/deepMerge(_:)``).
    mutating func deepMerge(_ other: JSONObject) {
        var reserved = false
        for (key, value) in other {
            if let position = position(of: key) {
                modifyValue(at: position) { $0.deepMerge(value) }
            } else {
                if !reserved {
                    // Entity fields usually all arrive new: grow the arrays once.
                    reserveCapacity(count + other.count)
                    reserved = true
                }
                appendNew(key, value)
            }
        }
    }

    /// Writes the representation of this object as JSON to `output`: `__typename` plus the
    /// required fields (projected to their sub-fields). False, with partial output the caller
    /// discards, when one of them is missing or null (the object cannot be resolved by key).
    func writeRepresentation(_ format: RepresentationFormat, to output: inout [UInt8]) -> Bool {
        output.append(contentsOf: format.opening)
        for index in format.fields.indices {
            let field = format.fields[index]
            guard let value = self[field.name], !value.isNull else { return false }
            output.append(UInt8(ascii: ","))
            output.append(contentsOf: format.keys[index])
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

/// The fixed bytes of one entity target's representations, JSON-escaped once per request
/// rather than once per object: `{"__typename":"T"` and each required field's `"name":`.
struct RepresentationFormat {
    let opening: [UInt8]
    let fields: [RequiredField]
    let keys: [[UInt8]]

    init(typeName: String, fields: [RequiredField]) {
        var opening = Array(#"{"__typename":"#.utf8)
        JSONValue.string(typeName).write(to: &opening)
        self.opening = opening
        self.fields = fields
        self.keys = fields.map { field in
            var key: [UInt8] = []
            writeJSONKey(field.name, to: &key)
            return key
        }
    }
}

/// Writes `"key":` (the key JSON-escaped) to `output`.
func writeJSONKey(_ key: String, to output: inout [UInt8]) {
    JSONValue.string(key).write(to: &output)
    output.append(UInt8(ascii: ":"))
}
