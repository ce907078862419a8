/// The SDL document of each of `count` extension nodes, as a type or schema stores it: `given`
/// when it names one document per extension, otherwise `source` (the document of the
/// definition) for every extension.
func sourcesPerExtension(_ given: [Source?], count: Int, defaultingTo source: Source?) -> [Source?] {
    given.count == count ? given : Array(repeating: source, count: count)
}
