@testable import GovReportParse
import TestSupport
import Testing

/// Whether a text is a fragment (two characters or fewer as a label key) is remembered by the
/// dictionary: the remembered answer is the computed one, for texts that share a memo shard
/// (the same number of bytes) and for texts asked twice.
@Suite struct LabelFragmentTests {
    @Test func rememberedFragmentsAreTheComputedOnes() {
        let dictionary = Fixtures.dictionary
        // Three bytes each: "甲" is a fragment, "abc" is not; six bytes: "（一）" and "信息"
        // (a numbered heading's key is short), "公开x" (three characters) and "ab cd e".
        let texts = ["甲", "abc", "（一）", "信息", "公开x", "ab cd e", "†", "_", "开", "本年制发件数", "  ", "12"]
        var fragments = 0
        for _ in 0..<2 {
            for text in texts + texts.reversed() {
                let computed = LabelDictionary.isFragment(text)
                #expect(dictionary.isFragment(text) == computed, "\(text)")
                if computed { fragments += 1 }
            }
        }
        #expect(fragments > 0 && fragments < 4 * texts.count)
        #expect(dictionary.isFragment("甲") && !dictionary.isFragment("abc") && !dictionary.isFragment("本年制发件数"))
    }
}
