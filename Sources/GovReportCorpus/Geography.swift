/// Places and bodies for generated reports: real cities and districts, so that region
/// parsing and the province gazetteer are exercised as on real reports.
enum Geography {
    struct City {
        let name: String
        let province: String
        let districts: [String]
        let streets: [String]
    }

    static let cities: [City] = [
        City(name: "西安市", province: "陕西省", districts: ["新城区", "碑林区", "莲湖区", "雁塔区", "未央区", "灞桥区", "长安区", "高陵区", "临潼区", "阎良区"],
             streets: ["小寨路街道", "电子城街道", "漳浒寨街道", "长延堡街道", "大雁塔街道"]),
        City(name: "铜川市", province: "陕西省", districts: ["王益区", "印台区", "耀州区", "宜君县"], streets: ["七一路街道", "红旗街街道", "桃园街道"]),
        City(name: "宝鸡市", province: "陕西省", districts: ["渭滨区", "金台区", "陈仓区", "凤翔区", "岐山县", "扶风县"], streets: ["经二路街道", "清姜街道", "神农镇"]),
        City(name: "安阳市", province: "河南省", districts: ["文峰区", "北关区", "殷都区", "龙安区", "安阳县", "汤阴县"], streets: ["梅园庄街道", "北蒙街道", "水冶镇"]),
        City(name: "郑州市", province: "河南省", districts: ["中原区", "二七区", "金水区", "惠济区", "管城回族区", "中牟县"], streets: ["林山寨街道", "建中街街道", "南曹乡"]),
        City(name: "成都市", province: "四川省", districts: ["锦江区", "青羊区", "金牛区", "武侯区", "成华区", "双流区"], streets: ["春熙路街道", "府南街道", "玉林街道"]),
        City(name: "长沙市", province: "湖南省", districts: ["芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区"], streets: ["文艺路街道", "坡子街街道", "橘子洲街道"]),
        City(name: "济南市", province: "山东省", districts: ["历下区", "市中区", "槐荫区", "天桥区", "历城区", "章丘区"], streets: ["趵突泉街道", "泉城路街道", "大明湖街道"]),
    ]

    static let syllables = Array("东西南北新城河山桥关湖塔林泉阳华兴安平和龙凤柳杨石金水云花青")

    /// The n-th street office or town of a district: the city's real ones first, then names
    /// made of two syllables (enough for corpora of tens of thousands of reports).
    static func street(_ n: Int, of city: City) -> String {
        if n < city.streets.count { return city.streets[n] }
        let i = n - city.streets.count
        let a = syllables[i % syllables.count], b = syllables[(i / syllables.count + i % 7 + 1) % syllables.count]
        return "\(a)\(b)" + (i % 3 == 2 ? "镇" : "街道")
    }

    /// District-level bodies (the district government's own name is the first).
    static let bodies = ["人民政府办公室", "人民政府", "发展和改革局", "教育局", "民政局", "财政局", "人力资源和社会保障局", "自然资源局",
                         "住房和城乡建设局", "卫生健康局", "市场监督管理局", "应急管理局", "生态环境分局", "交通运输局"]
}
