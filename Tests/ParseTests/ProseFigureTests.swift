@testable import GovReportParse
import Testing

/// The prose expressions run on the pieces of a line between the characters no match holds;
/// these tests hold that to running them on whole lines.
@Suite struct ProseFigureTests {
    /// Sentences made of the expressions' words, numbers, fillers and every separator, full
    /// width and half, in a fixed pseudo-random order (an LCG, so a failure repeats).
    static func sentences() -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func pick(_ list: [String]) -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return list[Int((state >> 33) % UInt64(list.count))]
        }
        let separators = ["，", ",", "。", "；", ";", "！", "?", "？", "", "、"]
        let spaces = ["", "", " ", "\u{3000}"]
        let numbers = ["12", "３４", "0", "7464", "", "一"]
        func received() -> String {
            pick(["收到", "受理", "提出", "向本级", "本年度共收到", "共"]) + pick(["", "", "各类", "群众来信一二三四五六七八九十一二三", "！", "，"])
                + pick(["政府信息公开", "依申请公开", "政府信息"]) + pick(["", "政府信息"]) + pick(["", "申请"]) + pick(spaces)
                + pick(numbers) + pick(spaces) + pick(["件", "件", "条"])
        }
        func published() -> String {
            pick(["", "其他", "微博", "新媒体", "本单位"]) + pick(["共", "累计", ""]) + "发布" + pick(["", "各类"]) + pick(["", "政府"])
                + pick(["信息", "消息"]) + pick(spaces) + pick(numbers) + pick(spaces) + pick(["条", "条", "件"])
        }
        var sentences = ProseFigureTests.crafted
        for _ in 0..<4_000 {
            var s = pick(["", "e\u{301}", "概述："])
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(1 + Int((state >> 40) % 4)) {
                s += pick(["r", "p", "n"]) == "r" ? received() : pick(["p", "n"]) == "p" ? published() : pick(["其中", "网上申请", "共"])
                s += pick(separators)
            }
            sentences.append(s)
        }
        return sentences
    }

    static let crafted = [
        "本年度共收到政府信息公开申请12件，其中网上申请3件。",
        "其他政府单位新媒体共发布信息843条，本单位共发布信息7464条。",
        "共发布信息12条！微博共发布信息3条",
        "受理，依申请公开5件；提出政府信息公开申请 ７ 件",
        "收到群众来信一二三四五六七八九十一二三政府信息公开申请9件",
        "e\u{301}收到政府信息公开申请4件，共发布信息5条",
    ]

    @Test func piecesGiveTheWholeLinesFigures() {
        var found = 0
        for sentence in Self.sentences() {
            for edition in [Edition.free2008, .format2021] {
                let lines = [(0, "概述"), (1, sentence), (2, sentence + "。" + sentence)]
                let pieces = ProseFigureExtractor().extract(lines, edition: edition)
                let whole = ProseFigureExtractor(byPieces: false).extract(lines, edition: edition)
                let a = pieces.map { "\($0.key)=\($0.value.value.map { "\($0)" } ?? "-")@\($0.value.line)" }
                let b = whole.map { "\($0.key)=\($0.value.value.map { "\($0)" } ?? "-")@\($0.value.line)" }
                #expect(a == b, "\(sentence.debugDescription) \(edition)")
                found += a.count
            }
        }
        // The sentences do state figures, and partial channels are passed over.
        #expect(found > 1_000)
        let figures = ProseFigureExtractor().extract([(0, Self.crafted[1])], edition: .format2021)
        #expect(figures[FigureKeys.Prose.itemsPublished]?.value == 7464)
    }
}
