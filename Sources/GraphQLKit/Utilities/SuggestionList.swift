/// The options close to `input`, best first, as graphql-js's `suggestionList` picks them: a
/// Damerau–Levenshtein distance (a change of case alone counts as one edit) of at most 40% of
/// the input's length, ties broken by ``naturalCompare(_:_:)``.
///
/// ```swift
/// suggestionList("nmae", options: ["name", "id", "names"])   // ["name", "names"]
/// ```
public func suggestionList(_ input: String, options: [String]) -> [String] {
    var distances: [String: Int] = [:]
    var ordered: [String] = []
    let measure = LexicalDistance(input)
    let threshold = Int((Double(input.utf16.count) * 0.4).rounded(.down)) + 1
    for option in options {
        guard let distance = measure.distance(to: option, threshold: threshold) else { continue }
        if distances[option] == nil { ordered.append(option) }
        distances[option] = distance
    }
    return ordered.sorted { a, b in
        let difference = distances[a]! - distances[b]!
        return difference != 0 ? difference < 0 : naturalCompare(a, b) < 0
    }
}

/// `" Did you mean "A", "B", or "C"?"` for up to five suggestions (empty for none), with an
/// optional qualifier: `" Did you mean the enum value "A"?"`.
public func didYouMean(_ suggestions: [String]) -> String {
    didYouMean(qualifier: nil, suggestions)
}

/// ``didYouMean(_:)`` with a qualifier: `" Did you mean the enum value "A"?"`.
public func didYouMean(_ qualifier: String, _ suggestions: [String]) -> String {
    didYouMean(qualifier: qualifier, suggestions)
}

private func didYouMean(qualifier: String?, _ suggestions: [String]) -> String {
    guard !suggestions.isEmpty else { return "" }
    var message = " Did you mean "
    if let qualifier { message += qualifier + " " }
    let quoted = suggestions.map { "\"\($0)\"" }
    switch quoted.count {
    case 1: return message + quoted[0] + "?"
    case 2: return message + quoted[0] + " or " + quoted[1] + "?"
    default:
        let selected = quoted.prefix(5)
        return message + selected.dropLast().joined(separator: ", ") + ", or " + selected.last! + "?"
    }
}

/// Compares two strings in natural order (runs of digits compare by value), as graphql-js's
/// `naturalCompare`: negative, zero or positive.
public func naturalCompare(_ a: String, _ b: String) -> Int {
    let left = Array(a.utf16)
    let right = Array(b.utf16)
    var leftIndex = 0
    var rightIndex = 0
    func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    while leftIndex < left.count && rightIndex < right.count {
        var leftUnit = left[leftIndex]
        var rightUnit = right[rightIndex]
        if isDigit(leftUnit) && isDigit(rightUnit) {
            // graphql-js stops a number after a leading zero ("007" reads as 0, 0, 7).
            var leftNumber = 0
            repeat {
                leftIndex += 1
                leftNumber = leftNumber &* 10 &+ Int(leftUnit - 0x30)
                leftUnit = leftIndex < left.count ? left[leftIndex] : 0
            } while leftIndex < left.count && isDigit(leftUnit) && leftNumber > 0
            var rightNumber = 0
            repeat {
                rightIndex += 1
                rightNumber = rightNumber &* 10 &+ Int(rightUnit - 0x30)
                rightUnit = rightIndex < right.count ? right[rightIndex] : 0
            } while rightIndex < right.count && isDigit(rightUnit) && rightNumber > 0
            if leftNumber < rightNumber { return -1 }
            if leftNumber > rightNumber { return 1 }
        } else {
            if leftUnit < rightUnit { return -1 }
            if leftUnit > rightUnit { return 1 }
            leftIndex += 1
            rightIndex += 1
        }
    }
    return left.count - right.count
}

/// Edit distance between one input and many options (graphql-js's `LexicalDistance`), over
/// UTF-16 code units of the lower-cased strings.
private struct LexicalDistance {
    let input: String
    let inputLowercased: String
    let inputUnits: [UInt16]

    init(_ input: String) {
        self.input = input
        self.inputLowercased = input.lowercased()
        self.inputUnits = Array(inputLowercased.utf16)
    }

    func distance(to option: String, threshold: Int) -> Int? {
        if input == option { return 0 }
        let optionLowercased = option.lowercased()
        if inputLowercased == optionLowercased { return 1 }
        var a = Array(optionLowercased.utf16)
        var b = inputUnits
        if a.count < b.count { swap(&a, &b) }
        let aLength = a.count
        let bLength = b.count
        if aLength - bLength > threshold { return nil }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: bLength + 1), count: 3)
        for j in 0...bLength { rows[0][j] = j }
        if aLength == 0 { return rows[0][bLength] <= threshold ? rows[0][bLength] : nil }
        for i in 1...aLength {
            let up = (i - 1) % 3
            let current = i % 3
            rows[current][0] = i
            var smallest = i
            if bLength > 0 {
                for j in 1...bLength {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var cell = min(rows[up][j] + 1, rows[current][j - 1] + 1, rows[up][j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, rows[(i - 2) % 3][j - 2] + 1)
                    }
                    if cell < smallest { smallest = cell }
                    rows[current][j] = cell
                }
            }
            if smallest > threshold { return nil }
        }
        let distance = rows[aLength % 3][bLength]
        return distance <= threshold ? distance : nil
    }
}
