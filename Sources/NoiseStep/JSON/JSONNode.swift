/// One place in a JSON value being built: containers write into it as an `Encodable`
/// encodes itself, so two containers asked of one encoder (a report that encodes a
/// summary, then its own keys) fill one object.
final class JSONNode {
    private enum Content {
        case empty
        case leaf(JSONValue)
        /// Members in the order they were first written.
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
    }

    private var content = Content.empty

    /// The finished value; an empty node (nothing encoded) is an empty object.
    var value: JSONValue {
        switch content {
        case .empty: return .object([])
        case .leaf(let value): return value
        case .object(let members): return .object(members.map { JSONValue.Member(key: $0.key, value: $0.node.value) })
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) { content = .leaf(value) }

    /// Member `key` of this object, new and empty, in the place of an earlier member of
    /// that key or else last (the node becomes an object if it was empty).
    func member(_ key: String) -> JSONNode {
        var members: [(key: String, node: JSONNode)] = []
        if case .object(let existing) = content { members = existing }
        let child = JSONNode()
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = child
        } else {
            members.append((key, child))
        }
        content = .object(members)
        return child
    }

    /// A new element at the end of this array (the node becomes one if it was empty).
    func element() -> JSONNode {
        var elements: [JSONNode] = []
        if case .array(let existing) = content { elements = existing }
        let child = JSONNode()
        elements.append(child)
        content = .array(elements)
        return child
    }

    func makeObject() { if case .empty = content { content = .object([]) } }
    func makeArray() { if case .empty = content { content = .array([]) } }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}
