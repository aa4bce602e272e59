"""Curated metadata that the extraction does not carry legibly; each item notes its source."""

from __future__ import annotations

#: The six clusters of the 45 recommendations. Source: the Development Agenda as adopted by
#: the WIPO General Assembly in 2007 (document A/43/13 Rev.; the cluster headings as used in
#: WIPO's Chinese-language CDIP documents).
CLUSTERS: tuple[tuple[str, str, range], ...] = (
    ("A", "技术援助和能力建设", range(1, 15)),
    ("B", "准则制定、灵活性、公共政策和公有领域", range(15, 24)),
    ("C", "技术转让、信息通信技术（ICT）和获取知识", range(24, 33)),
    ("D", "评估、评价和影响研究", range(33, 39)),
    ("E", "机构问题，包括任务授权和治理", range(39, 45)),
    ("F", "其他问题", range(45, 46)),
)
CLUSTER_SOURCE = "2007年产权组织大会通过的发展议程（A/43/13 Rev.）的六个建议集"

#: WIPO's English cluster names, shown in the English UI. Source: WIPO, "The 45 Adopted
#: Recommendations under the WIPO Development Agenda" (cluster headings).
CLUSTERS_EN: dict[str, str] = {
    "A": "Technical Assistance and Capacity Building",
    "B": "Norm-setting, Flexibilities, Public Policy and Public Domain",
    "C": "Technology Transfer, Information and Communication Technologies (ICT) and Access to Knowledge",
    "D": "Assessment, Evaluation and Impact Studies",
    "E": "Institutional Matters including Mandate and Governance",
    "F": "Other Issues",
}
CLUSTERS_EN_SOURCE = (
    "WIPO, The 45 Adopted Recommendations under the WIPO Development Agenda (cluster headings), "
    "https://www.wipo.int/ip-development/en/agenda/recommendations.html"
)

#: WIPO's eight sectors as named in the report's "相关产权组织部门" rows. A sector list is
#: split on "；" — one name contains "、", so splitting on "、" would be wrong.
SECTORS: tuple[str, ...] = (
    "专利和技术部门",
    "品牌和外观设计部门",
    "版权和创意产业部门",
    "区域和国家发展部门",
    "基础设施和平台部门",
    "全球挑战和伙伴关系部门",
    "知识产权和创新生态系统部门",
    "行政、财务和管理部门",
)

#: WIPO's English sector names (the Chinese names above minus 部门, "Sector"), shown in the English UI.
#: Source: WIPO's organizational structure, wipo.int/about-wipo/en/structure/ (2024).
SECTORS_EN: dict[str, str] = dict(
    zip(
        SECTORS,
        (
            "Patents and Technology",
            "Brands and Designs",
            "Copyright and Creative Industries",
            "Regional and National Development",
            "Infrastructure and Platforms",
            "Global Challenges and Partnerships",
            "IP and Innovation Ecosystems",
            "Administration, Finance and Management",
        ),
        strict=True,
    )
)
SECTORS_EN_SOURCE = "WIPO, organizational structure (sectors), https://www.wipo.int/about-wipo/en/structure/"

#: Immediate-implementation marks beyond those printed in this extraction. Footnote 1 says
#: there are 19; the extraction kept the asterisk for 1, 3, 6, 15, 21, 42 and 44 only. Added
#: here only what a public source shows legibly; the rest stay unmarked rather than guessed.
#: Each value names the source. The database stores every mark with its origin
#: ("source" = printed in CDIP/33/2, "curated" = from here) and the UI says which is which.
IMMEDIATE_CURATED: dict[int, str] = {
    4: "WIPO, 'The 45 Adopted Recommendations under the WIPO Development Agenda' "
    "(asterisk = identified by the 2007 General Assembly for immediate implementation): '*4.'; "
    "public copy: scribd.com/document/682097373",
}
IMMEDIATE_TOTAL = 19


def cluster_of(number: int) -> str:
    for cluster_id, _title, numbers in CLUSTERS:
        if number in numbers:
            return cluster_id
    raise KeyError(number)
