/// One labelled value of a bar or stacked-bar chart: `key` names it in `data-key` (tests and
/// stylesheets find it by that), `value` nil is drawn as "not stated".
public struct ChartItem: Sendable {
    public let key: String
    public let label: String
    public let value: Double?

    public init(key: String, label: String, value: Double?) {
        self.key = key
        self.label = label
        self.value = value
    }
}
