// graphql-conformance: answers the reference oracle's cases (see ../shared/tools/graphql-oracle.js).
// Filled in by the language layer (issue 2).
import GraphQLKit
