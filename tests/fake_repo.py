"""A small in-memory stand-in for ContentRepository, for widget tests that must not depend on the DB."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from models.entities import (
    SECTIONS,
    Cluster,
    Document,
    Facets,
    Footnote,
    Recommendation,
    RecommendationSummary,
    ReviewRecommendation,
    SearchHit,
)

CLUSTERS = [
    Cluster("A", "技术援助和能力建设", tuple(range(1, 15))),
    Cluster("B", "准则制定、灵活性、公共政策和公有领域", tuple(range(15, 24))),
    Cluster("C", "技术转让、信息通信技术（ICT）和获取知识", tuple(range(24, 33))),
    Cluster("D", "评估、评价和影响研究", tuple(range(33, 39))),
    Cluster("E", "机构问题，包括任务授权和治理", tuple(range(39, 45))),
    Cluster("F", "其他问题", (45,)),
]
SECTORS = ["专利和技术部门", "版权和创意产业部门", "区域和国家发展部门", "行政、财务和管理部门"]
COUNTRIES = ["中国", "巴西", "智利", "马拉维"]
JOINT = {
    13: (14, 17),
    14: (13, 17),
    17: (13, 14),
    15: (21, 44),
    21: (15, 44),
    44: (15, 21),
    35: (37,),
    37: (35,),
}
IMMEDIATE = {1, 3, 6, 15, 21, 42, 44}
TOPICS = ["专利信息", "版权保护", "中小企业", "TISC 网络", "技术转让", "WIPO GREEN"]


def _cluster(n: int) -> str:
    return next(c.id for c in CLUSTERS if n in c.numbers)


def _make(n: int) -> Recommendation:
    topic = TOPICS[n % len(TOPICS)]
    docs = (f"CDIP/{30 + n % 4}/{n % 5 + 2}",)
    see = (n % 45 + 1,)
    return Recommendation(
        number=n,
        cluster=_cluster(n),
        immediate=n in IMMEDIATE,
        immediate_source="source" if n in IMMEDIATE else None,
        text=f"建议{n}的案文：产权组织应加强{topic}方面的工作，并兼顾发展中国家的需求。",
        reported_with=JOINT.get(n, ()),
        sectors=(SECTORS[n % 4], SECTORS[(n + 1) % 4]),
        implementation=f"该建议自 2009 年起实施。请参见建议 {see[0]}和文件 {docs[0]}。",
        highlights=(f"{topic}活动在{COUNTRIES[n % 4]}开展[^{n % 30 + 1}]。", "举办了研讨会。")
        if n % 9
        else (),
        activities=f"### A) 活动\n\n- 在{COUNTRIES[n % 4]}举办讲习班\n- 发布报告 https://www.wipo.int/tad\n\n后续工作继续。",
        footnotes=(Footnote(n % 30 + 1, f"脚注 {n % 30 + 1} 的说明。"),),
        links=("https://www.wipo.int/tad",),
        see_also=see,
        documents=docs,
        countries=(COUNTRIES[n % 4],),
        cited_by=((n - 2) % 45 + 1,),
        projects=("知识产权与旅游项目",) if n % 10 == 0 else (),
    )


class FakeRepository:
    def __init__(self) -> None:
        self._recs = {n: _make(n) for n in range(1, 46)}
        self._reviews = {
            n: ReviewRecommendation(
                n, ("成员国", "秘书处"), f"审查建议{n}：加强专利协调。", f"进展{n}：已落实。"
            )
            for n in (3, 7, 8, 9, 10, 12)
        }

    def close(self) -> None: ...

    def document(self) -> Document:
        return Document(
            "CDIP/33/2",
            "zh",
            "2024-10-11",
            "实施 45项发展议程建议的进展报告",
            "2023年7月至2024年7月",
            "0" * 64,
        )

    def editions(self) -> list[tuple[str, str]]:
        return [("CDIP/33/2", "zh")]

    def cover_note(self) -> str:
        return "1. 本文件附件一载有进展报告。\n\n2. 可在 http://www.wipo.int/tad 查阅。"

    def clusters(self) -> list[Cluster]:
        return list(CLUSTERS)

    def sectors(self) -> list[str]:
        return list(SECTORS)

    def summaries(self) -> list[RecommendationSummary]:
        return [
            RecommendationSummary(
                r.number, r.cluster, r.immediate, r.immediate_source, r.title, r.reported_with, r.sectors
            )
            for r in self._recs.values()
        ]

    def recommendation(self, number: int) -> Recommendation:
        return self._recs[number]

    def reviews(self) -> list[ReviewRecommendation]:
        return list(self._reviews.values())

    def review(self, number: int) -> ReviewRecommendation:
        return self._reviews[number]

    # --- search ---------------------------------------------------------------------
    def _sections(self, r: Recommendation) -> dict[str, str]:
        return {
            "text": r.text,
            "sectors": "；".join(r.sectors),
            "implementation": r.implementation,
            "highlights": "\n".join(r.highlights),
            "activities": r.activities,
            "footnotes": "\n".join(f.text for f in r.footnotes),
        }

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        terms = [t.lower() for t in query.replace("\x00", " ").split() if t]
        if not terms:
            return []
        hits = []
        for r in self._recs.values():
            sections = self._sections(r)
            whole = "\n".join(sections.values()).lower()
            if not all(t in whole for t in terms):
                continue
            for key in SECTIONS:
                body = sections.get(key, "")
                low = body.lower()
                term = next((t for t in terms if t in low), None)
                if term:
                    i = low.index(term)
                    snippet = (
                        body[max(0, i - 10) : i]
                        + "\x02"
                        + body[i : i + len(term)]
                        + "\x03"
                        + body[i + len(term) : i + 30]
                    )
                    hits.append(SearchHit("recommendation", r.number, key, snippet, 1.0))
        for rv in self._reviews.values():
            body = rv.text + rv.progress
            if all(t in body.lower() for t in terms):
                hits.append(SearchHit("review", rv.number, "text", body[:40], 0.5))
        return hits[:limit]

    def filter_numbers(
        self, query="", clusters=(), sectors=(), immediate=(), countries=(), documents=(), numbers=None
    ) -> list[int]:
        immediate = [immediate] if isinstance(immediate, bool) else list(immediate or ())
        found = (
            {h.number for h in self.search(query, 10_000) if h.kind == "recommendation"}
            if query.strip()
            else set(self._recs)
        )
        out = []
        for n in sorted(found):
            r = self._recs[n]
            if clusters and r.cluster not in clusters:
                continue
            if sectors and not set(sectors) & set(r.sectors):
                continue
            if immediate and r.immediate not in immediate:
                continue
            if countries and not set(countries) & set(r.countries):
                continue
            if documents and not set(documents) & set(r.documents):
                continue
            if numbers is not None and n not in set(numbers):
                continue
            out.append(n)
        return out

    def facets(self, numbers: Iterable[int]) -> Facets:
        recs = [self._recs[n] for n in numbers]
        return Facets(
            clusters=dict(Counter(r.cluster for r in recs)),
            sectors=dict(Counter(s for r in recs for s in r.sectors)),
            immediate=dict(Counter(r.immediate for r in recs)),
            countries=dict(Counter(c for r in recs for c in r.countries)),
            documents=dict(Counter(d for r in recs for d in r.documents)),
        )

    def cluster_sector_matrix(self) -> dict[tuple[str, str], int]:
        return dict(Counter((r.cluster, s) for r in self._recs.values() for s in r.sectors))

    def country_counts(self) -> dict[str, int]:
        return dict(Counter(c for r in self._recs.values() for c in r.countries))

    def document_counts(self) -> dict[str, int]:
        return dict(Counter(d for r in self._recs.values() for d in r.documents))
