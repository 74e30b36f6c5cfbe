@testable import GovReportParse
import Testing

@Suite struct TextNormalizerTests {
    @Test func numeralAndQuoteShortcutsAgreeWithTheSets() {
        // The scalar shortcuts must answer as the Character sets do, canonical equivalents
        // included (U+F9D1, a compatibility ideograph, is 六).
        var mismatches: [UInt32] = []
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let c = Character(u)
            if TextNormalizer.isNumeral(c) != TextNormalizer.numerals.contains(c)
                || TextNormalizer.isQuote(c) != TextNormalizer.quotes.contains(c) {
                mismatches.append(v)
            }
        }
        #expect(mismatches.isEmpty, "differ at \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect(TextNormalizer.isNumeral("\u{F9D1}") && TextNormalizer.isNumeral("十") && !TextNormalizer.isNumeral("千"))
        #expect(TextNormalizer.labelKey("（\u{F9D1}）“其他” 处理") == "其他处理")
    }
}
