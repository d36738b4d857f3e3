"""A channel's card: a status light, its name, one line of state, the last sync and what was sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QWidget

from stockdesk.ui import formatting as fmt
from stockdesk.ui import style
from stockdesk.ui.channels.state import ATTENTION, FAILED, OK, CardState, channel_name
from stockdesk.ui.widgets import heading

LIGHT_COLOURS = {OK: style.OK, ATTENTION: style.WARNING, FAILED: style.ERROR}


class StatusLight(QLabel):
    """A round light: green ok, amber needs attention, red failed, grey off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ""
        size = self.fontMetrics().height()
        self.setFixedSize(size, size)
        self.set_state("off")

    def set_state(self, state: str) -> None:
        self.state = state
        colour = LIGHT_COLOURS.get(state, style.MUTED).name()
        radius = self.width() // 2
        self.setStyleSheet(f"background: {colour}; border-radius: {radius}px;")
        self.setAccessibleName(state)


class ChannelCard(QFrame):
    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.light = StatusLight(self)
        title = QHBoxLayout()
        title.addWidget(self.light)
        title.addWidget(heading(channel_name(channel), self), 1)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_sync = QLabel(self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(title)
        form.addRow(self.state)
        form.addRow(self.tr("Last sync:"), self.last_sync)
        form.addRow(self.tr("Items:"), self.counts)

    def show_state(self, state: CardState, last_sync: str | None, counted: str = "sent") -> None:
        """``counted``: what the items were - sent (pushes), read (imports) or answered (webhook)."""
        self.light.set_state(state.light)
        self.state.setText(state.text)
        self.state.setStyleSheet(style.label_style({FAILED: "error", ATTENTION: "warning"}.get(state.light, "")))
        self.last_sync.setText(fmt.iso_datetime(last_sync) or self.tr("never"))
        if state.sent is None:
            self.counts.setText("—")
        else:
            text = {"read": self.tr("%n read", "", state.sent), "answered": self.tr("%n answered", "", state.sent)
                    }.get(counted) or self.tr("%n sent", "", state.sent)
            if state.failed:
                text += " · " + self.tr("%n failed", "", state.failed)
            self.counts.setText(text)
