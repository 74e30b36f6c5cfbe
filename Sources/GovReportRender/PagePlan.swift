import GovReportAnalyse

/// What every page of a build is made from — the corpus, its analysis, the settings and the
/// templates — held once. Each of a site's hundred thousand jobs keeps a closure; capturing
/// these by value copied their every table and string into each closure (a retain each,
/// tens per closure, and fresh memory for contexts of a few hundred bytes): planning the
/// pages of 50,000 reports took ten times as long as for 10,000.
final class PagePlan: Sendable {
    let corpus: Corpus
    let analysis: CorpusAnalysis
    let site: SiteSettings
    let templates: TemplateSet
    /// A note's Markdown as HTML (raw HTML kept only when the build allows it).
    let noteHTML: @Sendable (String) -> String
    /// The agencies' sparklines the year pages' rows have made.
    let yearSparklines = YearPage.Sparklines()

    init(analysis: CorpusAnalysis, site: SiteSettings, templates: TemplateSet, noteHTML: @escaping @Sendable (String) -> String) {
        corpus = analysis.corpus
        self.analysis = analysis
        self.site = site
        self.templates = templates
        self.noteHTML = noteHTML
    }
}
