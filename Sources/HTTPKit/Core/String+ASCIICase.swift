extension String {
    /// `true` when `self` equals `lowercaseTarget` ignoring ASCII case; `lowercaseTarget` must be
    /// lower-case ASCII. Compares bytes without allocating.
    func isASCIICaseInsensitive(_ lowercaseTarget: StaticString) -> Bool {
        let target = UnsafeRawBufferPointer(start: lowercaseTarget.utf8Start, count: lowercaseTarget.utf8CodeUnitCount)
        guard self.utf8.count == target.count else { return false }
        var index = 0
        for byte in self.utf8 {
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if lowered != target[index] { return false }
            index += 1
        }
        return true
    }
}
