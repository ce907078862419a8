/// Prints a plan as indented text (the debug form returned in `extensions.queryPlan`):
///
/// ```text
/// QueryPlan {
///   Sequence {
///     Fetch(service: "accounts") {
///       {users{__typename id}}
///     },
///     Flatten(path: "users.@") {
///       Fetch(service: "reviews") {
///         {... on User {__typename id}} =>
///         query($representations:[_Any!]!){_entities(representations:$representations){...on User{reviews{body}}}}
///       }
///     }
///   }
/// }
/// ```
public enum QueryPlanPrinter {
    public static func print(_ node: PlanNode?) -> String {
        var text = "QueryPlan {\n"
        if let node { write(node, indent: 1, into: &text) }
        text += "}"
        return text
    }

    private static func write(_ node: PlanNode, indent: Int, into text: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch node {
        case .sequence(let nodes), .parallel(let nodes):
            if case .sequence = node { text += pad + "Sequence {\n" } else { text += pad + "Parallel {\n" }
            for child in nodes { write(child, indent: indent + 1, into: &text) }
            text += pad + "}\n"
        case .flatten(let path, let inner):
            text += pad + "Flatten(path: \"\(path)\") {\n"
            write(inner, indent: indent + 1, into: &text)
            text += pad + "}\n"
        case .fetch(let fetch):
            text += pad + "Fetch(service: \"\(fetch.serviceName)\") {\n"
            for target in fetch.entityTargets {
                text += pad + "  " + (fetch.entityTargets.count > 1 ? "\(target.pathText) " : "")
                text += "{... on \(target.representationTypeName) {__typename"
                for field in target.requires { text += " " + describe(field) }
                text += "}} =>\n"
            }
            text += pad + "  " + fetch.operation + "\n"
            text += pad + "}\n"
        }
    }

    private static func describe(_ field: RequiredField) -> String {
        field.children.isEmpty ? field.name : field.name + "{" + field.children.map(describe).joined(separator: " ") + "}"
    }
}
