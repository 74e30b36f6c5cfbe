import Testing
@testable import GovReportParse

/// The canonical keys are the literals written out in `CanonicalKeyLiterals.swift`, and the
/// instances every table of keys hands out are those literals (strings no count is kept for).
@Suite struct FigureKeysTests {
    /// Where a string's bytes are: the same for two values of one instance.
    static func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func keyLiteralsAreTheCanonicalKeys() {
        let composed = FigureKeys.composedKeys.sorted()
        let listing = composed.map { "        \"\($0)\"," }.joined(separator: "\n")
        #expect(FigureKeys.keyLiterals == composed,
                "the canonical keys changed: write CanonicalKeyLiterals.swift's list anew as\n\(listing)")
    }

    @Test func tablesHandOutTheLiterals() {
        let literals = Dictionary(uniqueKeysWithValues: FigureKeys.keyLiterals.map { ($0, Self.storage($0)) })
        var handedOut = FigureKeys.sortedCanonical + FigureKeys.reviewKeys + FigureKeys.reviewPlacedKeys.map(\.key)
        for edition in Edition.allCases where edition.hasTables {
            for row in FigureKeys.applicationRows(edition) {
                handedOut += FigureKeys.applicationKeys(row.key) + FigureKeys.applicationPlacedKeys(row.key).map(\.key)
            }
            for row in FigureKeys.proactiveRows(edition) {
                handedOut += FigureKeys.proactiveKeys(row, edition) + FigureKeys.proactivePlacedKeys(row, edition).map(\.key)
            }
        }
        #expect(handedOut.count > 400)
        for key in handedOut {
            #expect(literals[key] != nil, "\(key) is not a canonical key")
            #expect(Self.storage(key) == literals[key] ?? nil, "\(key) is a copy made at run time, not the literal")
        }
        // A key made at run time is another instance (the test can tell them apart).
        let made = "applications." + "new" + ".total"
        #expect(literals[made] != nil && Self.storage(made) != literals[made] ?? nil)
        #expect(Self.storage(FigureKeys.canonicalKey(made)) == literals[made] ?? nil)
    }
}
