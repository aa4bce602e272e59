"""The recommendation tree's rows as plain Python nodes (no Qt): what each row is, where it sits, and
the page it opens. ``models.tree_model`` builds them and shows them to Qt's views."""

from __future__ import annotations

from models.entities import RecommendationSummary, ReviewRecommendation
from models.target import Target


class Node:
    """One row of the tree: its kind and key, its parent and children, and what it shows."""

    __slots__ = ("kind", "key", "parent", "children", "summary", "review", "total", "row_index", "label",
                 "target")

    def __init__(
        self,
        kind: str,  # document | annex1 | cluster | sector | rec | annex2 | review | cover
        key: str = "",
        summary: RecommendationSummary | None = None,
        review: ReviewRecommendation | None = None,
        total: int = 0,
    ) -> None:
        self.kind, self.key, self.summary, self.review, self.total = kind, key, summary, review, total
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.row_index = 0
        self.label: str | None = None  # display text, cached until the next rebuild or bookmark change
        self.target = self._target()  # asked for on every paint of the row (BookmarkedRole): made once

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row_index = len(self.children)
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.row_index

    def _target(self) -> str:
        if self.kind == "rec" and self.summary:
            return str(Target.rec(self.summary.number))
        if self.kind == "review" and self.review:
            return str(Target.review(self.review.number))
        if self.kind in ("cluster", "sector"):
            return f"{self.kind}:{self.key}"  # a page listing the group's recommendations
        return {"document": "overview", "cover": "cover", "annex1": "overview", "annex2": "annex2"}.get(
            self.kind, ""
        )
