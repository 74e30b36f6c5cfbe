import Foundation
@testable import GovReportParse
import TestSupport
import Testing

/// The prose expressions matched scalar by scalar find what `NSRegularExpression` finds —
/// every match, left to right, whole and number — on random texts made of their words, near
/// misses of them, and the characters their classes are unsure about (digits of other
/// scripts, every kind of space and line end, marks, the clause cuts in both widths).
@Suite struct ProsePatternsTests {
    static let pieces = [
        "收到", "受理", "提出", "向本级", "政府信息公开", "依申请公开", "政府信息", "申请", "件", "共", "累计", "发布", "各类", "政府",
        "信息", "条", "收", "公开", "12", "0", "7464", "٣", "१२", "𝟐", "１２", " ", "\t", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}",
        "\u{200B}", "\n", "\r\n", "，", ",", "。", "；", ";", "：", "甲", "其他", "全年", "e\u{301}", "\u{301}", "🇨🇳", "件件", "一二三四五六",
    ]

    static func all(_ regex: NSRegularExpression, _ text: String) -> [[Int]] {
        let u = text.utf16
        func utf8(_ offset: Int) -> Int { text.utf8.distance(from: text.startIndex, to: u.index(u.startIndex, offsetBy: offset)) }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            [utf8(m.range.location), utf8(m.range.location + m.range.length),
             utf8(m.range(at: 1).location), utf8(m.range(at: 1).location + m.range(at: 1).length)]
        }
    }

    static func all(_ matches: [ProsePatterns.Match], _ text: String) -> [[Int]] {
        func utf8(_ i: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: i) }
        return matches.map { [utf8($0.whole.lowerBound), utf8($0.whole.upperBound), utf8($0.number.lowerBound), utf8($0.number.upperBound)] }
    }

    @Test func proseMatchesAreTheExpressionsMatches() {
        var random = TestRandom(state: 17)
        var texts: [String] = []
        for _ in 0..<30_000 { texts.append((0..<(1 + random.next(12))).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()) }
        // Near misses of real sentences: a piece left out, doubled or put in anywhere.
        let bases = [["全年", "共", "受理", "政府信息公开", "申请", " ", "12", " ", "件", "。"],
                     ["本年度", "收到", "群众", "依申请公开", "政府信息", "申请", "3", "件"],
                     ["累计", "发布", "各类", "政府", "信息", " ", "7464", "条", "，"]]
        for base in bases {
            for _ in 0..<6_000 {
                var parts = base
                switch random.next(3) {
                case 0: parts.remove(at: random.next(parts.count))
                case 1: parts.insert(parts[random.next(parts.count)], at: random.next(parts.count + 1))
                default: parts.insert(Self.pieces[random.next(Self.pieces.count)], at: random.next(parts.count + 1))
                }
                texts.append(parts.joined())
            }
        }
        // The lazy run around its bound: up to fourteen characters between the first words
        // and the second, a clause cut among them, a line end.
        for k in 0...14 {
            let filler = String(repeating: "甲", count: k)
            texts += ["收到" + filler + "政府信息公开3件", "向本级" + filler + "依申请公开申请 12件", "受理" + filler + "，政府信息公开1件",
                      "提出" + String(filler.prefix(k / 2)) + "\n" + String(filler.prefix(k / 2)) + "依申请公开2件",
                      "收到" + filler + "收到" + filler + "政府信息公开4件"]
        }
        var differences: [String] = []
        var received = 0, published = 0
        for text in texts {
            let r = Self.all(ProseFigureExtractor.received, text), p = Self.all(ProseFigureExtractor.published, text)
            if Self.all(ProsePatterns.received(in: text), text) != r { differences.append("received: " + text.debugDescription) }
            if Self.all(ProsePatterns.published(in: text), text) != p { differences.append("published: " + text.debugDescription) }
            received += r.count
            published += p.count
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(5))")
        #expect(received > 1_000 && published > 1_000, "\(received) received, \(published) published")
    }
}

extension ProsePatternsTests {
    /// The separators tested on their values are the sets' scalars, and no other.
    @Test func separatorTestsAreTheSets() {
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(ProseFigureExtractor.isClauseEnd(u) == ProseFigureExtractor.clauseEndScalars.contains(u), "\(v)")
            #expect(ProseFigureExtractor.isReceivedCut(u) == ProseFigureExtractor.receivedCuts.contains(u), "\(v)")
        }
    }
}
