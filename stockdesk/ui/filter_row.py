"""The search field, filter box and store box above a filtered product table (Products and Review).

Owner-facing texts (placeholder, accessible names, "All stores") come from the owning widget, which
translates them in its own context; the filter labels are translated in the context they were marked in.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from stockdesk.ui.table_model import StoreSearchFilter


class FilterRow:
    def __init__(self, parent: QWidget, proxy: StoreSearchFilter, filters: Sequence[tuple[str, str]],
                 filters_context: str, *, placeholder: str, filter_name: str, store_name: str) -> None:
        self.search = QLineEdit(parent)
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(proxy.set_search)
        self.filter_box = QComboBox(parent)
        for key, label in filters:
            self.filter_box.addItem(QCoreApplication.translate(filters_context, label), key)
        self.filter_box.currentIndexChanged.connect(lambda _: proxy.set_filter(self.filter_box.currentData()))
        self.filter_box.setAccessibleName(filter_name)
        self.store_box = QComboBox(parent)
        self.store_box.currentIndexChanged.connect(lambda _: proxy.set_store(self.store_box.currentData()))
        self.store_box.setAccessibleName(store_name)
        self.layout = QHBoxLayout()
        self.layout.addWidget(self.search, 3)
        self.layout.addWidget(self.filter_box, 1)
        self.layout.addWidget(self.store_box, 1)

    def set_stores(self, all_stores: str, stores: Sequence[tuple[str, str]]) -> None:
        """Offer ``all_stores`` and each (name, id), keeping the chosen store; shown only for several."""
        current = self.store_box.currentData()
        self.store_box.blockSignals(True)
        self.store_box.clear()
        self.store_box.addItem(all_stores, None)
        for name, store_id in stores:
            self.store_box.addItem(name, store_id)
        self.store_box.setCurrentIndex(max(0, self.store_box.findData(current)))
        self.store_box.blockSignals(False)
        self.store_box.setVisible(len(stores) > 1)
