"""The overview page (document node): cluster × sector heat map, most-mentioned countries,
most-cited documents. Every cell and bar applies that filter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from models import names
from ui.charts import BarChart, HeatMap
from ui.palette import apply_stylesheet


class OverviewPage(QScrollArea):
    """Emits ``filterRequested([(facet, value), …])`` with facets ``clusters``, ``sectors``,
    ``countries`` or ``documents``."""

    filterRequested = Signal(object)

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.setWidgetResizable(True)
        self._doc = repo.document()
        clusters = repo.clusters()
        self.matrix = repo.cluster_sector_matrix()
        self.countries = repo.country_counts()
        self.documents = repo.document_counts()
        sectors = list(repo.sectors())
        for _c, s in self.matrix:
            if s not in sectors:
                sectors.append(s)
        self._total = sum(len(c.numbers) for c in clusters)
        body = QWidget(self)
        body.setObjectName("overviewBody")
        apply_stylesheet(body)  # titles and muted hints (resources/style)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 18)
        layout.setSpacing(8)
        self.title = QLabel(body, objectName="overviewTitle")
        self.subtitle = QLabel(body, objectName="overviewSubtitle", wordWrap=True)
        self.heat_label = QLabel(body, objectName="chartTitle")
        self.heat = HeatMap(body)
        self._sectors, self._clusters = sectors, clusters
        self._cluster_titles = {c.id: c.title for c in clusters}
        self.country_label = QLabel(body, objectName="chartTitle")
        self.country_chart = BarChart(body)
        self.country_chart.set_data(self.countries, limit=15)
        self.doc_label = QLabel(body, objectName="chartTitle")
        self.doc_chart = BarChart(body)
        self.doc_chart.set_data(self.documents, limit=12)
        self.legend = QLabel(body, objectName="overviewHint", wordWrap=True)
        for w in (
            self.title,
            self.subtitle,
            self.heat_label,
            self.heat,
            self.country_label,
            self.country_chart,
            self.doc_label,
            self.doc_chart,
            self.legend,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        for label, buddy in (
            (self.heat_label, self.heat),
            (self.country_label, self.country_chart),
            (self.doc_label, self.doc_chart),
        ):
            label.setBuddy(buddy)
        self.setWidget(body)
        self.heat.cellActivated.connect(
            lambda sector, cluster: self.filterRequested.emit([("clusters", cluster), ("sectors", sector)])
        )
        self.country_chart.barActivated.connect(lambda c: self.filterRequested.emit([("countries", c)]))
        self.doc_chart.barActivated.connect(lambda d: self.filterRequested.emit([("documents", d)]))
        self.retranslate()

    def retranslate(self) -> None:
        d = self._doc
        self.title.setText(f"{d.title}")
        self.subtitle.setText(
            self.tr("%1 · %2 · reporting period %3 · %4 recommendations in 6 clusters")
            .replace("%1", d.symbol)
            .replace("%2", d.date)
            .replace("%3", d.period)
            .replace("%4", str(self._total))
        )
        self.heat.set_data(
            [(s, names.shown(s)) for s in self._sectors],
            [(c.id, f"{c.id} ({len(c.numbers)})") for c in self._clusters],
            {(s, c): n for (c, s), n in self.matrix.items()},
        )
        self.heat_label.setText(self.tr("&Recommendations by cluster and WIPO sector"))
        self.country_label.setText(self.tr("Most-mentioned &countries and groups (recommendations)"))
        self.doc_label.setText(self.tr("Most-cited &documents (recommendations)"))
        self.legend.setText(
            self.tr("Click a cell or a bar (or focus it and press Enter) to filter the tree. Clusters: ")
            + self.tr("; ").join(f"{k} {names.shown(v)}" for k, v in self._cluster_titles.items())
        )
        self.heat.tooltip_format = self.tr("Cluster %1 × %2: %3 recommendations")
        self.country_chart.tooltip_format = self.tr("%1: mentioned in %2 recommendations")
        self.doc_chart.tooltip_format = self.tr("%1: cited in %2 recommendations")
        self.heat.setAccessibleName(self.tr("Heat map of recommendations by cluster and sector"))
        self.country_chart.setAccessibleName(self.tr("Bar chart of most-mentioned countries"))
        self.doc_chart.setAccessibleName(self.tr("Bar chart of most-cited documents"))
        self.setAccessibleName(self.tr("Overview"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
