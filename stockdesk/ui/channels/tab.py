"""The main window's Channels tab: Sync now and its schedule, a card per channel, and each channel's page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from stockdesk.context import AppContext
from stockdesk.jobs import keep_in_step, matching
from stockdesk.jobs.connect import evotor_connected
from stockdesk.jobs.sync import SyncResult, last_sync
from stockdesk.ui.channels.card import ChannelCard
from stockdesk.ui.channels.drift_panel import DriftPanel
from stockdesk.ui.channels.imshop_page import ImshopPage
from stockdesk.ui.channels.moysklad_page import MoySkladPage
from stockdesk.ui.channels.state import channel_name, sync_state
from stockdesk.ui.channels.sync_runner import SyncRunner, scheduled_minutes
from stockdesk.ui.channels.yandex_page import YandexPage
from stockdesk.ui.job_runner import BusyGate
from stockdesk.ui.widgets import MessageBar
from stockdesk.yandex.config import YandexConfig

SYNCED = ("evotor", "yandex", "moysklad")


class ChannelsTab(QWidget):
    synced = Signal(object)  # SyncResult: balances may have changed everywhere

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = SyncRunner(ctx, self)
        self.runner.started.connect(self._sync_started)
        self.runner.finished.connect(self._sync_finished)
        self.runner.failed.connect(self._sync_failed)

        self.sync_button = QPushButton(self.tr("S&ync now"), self)
        self.sync_button.setToolTip(self.tr("Read what changed in Evotor (and MoySklad), then send it to the "
                                            "channels that are switched on"))
        self.sync_button.clicked.connect(self.runner.run)
        minutes = scheduled_minutes(ctx)
        self.schedule = QCheckBox(self.tr("Sync &every"), self)
        self.schedule.setChecked(minutes > 0)
        self.every = QSpinBox(self)
        self.every.setRange(5, 24 * 60)
        self.every.setValue(minutes or 30)
        self.every.setSuffix(self.tr(" min"))
        self.every.setAccessibleName(self.tr("Minutes between syncs"))
        self.every.setEnabled(minutes > 0)
        self.schedule.toggled.connect(self._schedule_changed)
        self.every.valueChanged.connect(self._schedule_changed)
        schedule_note = QLabel(self.tr("while StockDesk is open"), self)
        self.sync_message = MessageBar(self)
        self.sync_gate = BusyGate(self.sync_message)  # a sync claims every account it touches
        self.drift = DriftPanel(ctx, self)
        self.drift.changed.connect(self.show_cards)

        self.cards = {channel: ChannelCard(channel, self) for channel in (*SYNCED, "imshop")}
        grid = QGridLayout()
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, n)
            grid.setColumnStretch(n, 1)

        self.yandex = YandexPage(ctx, self)
        self.moysklad = MoySkladPage(ctx, self)
        self.imshop = ImshopPage(ctx, self)
        self.pages = QTabWidget(self)
        for channel, page in (("yandex", self.yandex), ("moysklad", self.moysklad), ("imshop", self.imshop)):
            self.pages.addTab(page, channel_name(channel))
            page.changed.connect(self.show_cards)
        self.imshop.server_changed.connect(self.show_cards)
        self.imshop._ticker.timeout.connect(self.show_cards)

        bar = QHBoxLayout()
        bar.addWidget(self.sync_button)
        bar.addSpacing(12)
        bar.addWidget(self.schedule)
        bar.addWidget(self.every)
        bar.addWidget(schedule_note)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.sync_message)
        layout.addWidget(self.drift)
        layout.addLayout(grid)
        layout.addWidget(self.pages, 1)

    # --- cards ---------------------------------------------------------------------------------

    def _connected(self, account: str) -> bool:
        return bool(self.ctx.db["accounts"].count_where("id = ?", [account]))

    def show_cards(self) -> None:
        result = last_sync(self.ctx)
        steps = {s.channel: s for s in result.steps} if result else {}
        at = result.at if result else None
        cfg = YandexConfig.load(self.ctx)
        unmapped = 0
        if cfg.store_id:
            summary = matching.summary(self.ctx, "yandex", cfg.store_id)
            unmapped = summary.ambiguous + summary.unmatched
        states = {
            "evotor": sync_state(steps.get("evotor"), connected=evotor_connected(self.ctx)),
            "yandex": sync_state(steps.get("yandex"), connected=self._connected("yandex"), enabled=cfg.enabled,
                                 unmapped=unmapped),
            "moysklad": sync_state(steps.get("moysklad"), connected=self._connected("moysklad")),
        }
        for channel, state in states.items():
            self.cards[channel].show_state(state, at if channel in steps else None,
                                           "read" if channel == "moysklad" else "sent")
        if not self.drift.is_running():
            self.drift.show_drift(keep_in_step.unanswered(self.ctx, steps["evotor"].drift if "evotor" in steps else []))
        imshop_state, last_request = self.imshop.card_state()
        self.cards["imshop"].show_state(imshop_state, last_request, "answered")

    def reload(self) -> None:
        self.show_cards()
        if not self.yandex.is_running():
            self.yandex.reload()
        if not self.moysklad.is_running():
            self.moysklad.reload()
        self.imshop.show_status()

    # --- sync ----------------------------------------------------------------------------------

    def _schedule_changed(self) -> None:
        self.every.setEnabled(self.schedule.isChecked())
        self.runner.set_schedule(self.every.value() if self.schedule.isChecked() else 0)

    def _sync_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.sync_message.show_message(self.tr("Syncing…"), "info")

    def _sync_finished(self, result: SyncResult) -> None:
        self.sync_button.setEnabled(not self.sync_gate.blocked)
        lines = []
        for step in result.steps:
            text = channel_name(step.channel) + ": "
            if step.ok:
                text += self.tr("%n item(s)", "", step.sent)
            else:
                text += step.message or self.tr("failed")
            lines.append(text)
        self.sync_message.show_message(" · ".join(lines), "ok" if result.ok else "warning")
        self.reload()
        self.synced.emit(result)

    def _sync_failed(self, text: str) -> None:
        self.sync_button.setEnabled(not self.sync_gate.blocked)
        self.sync_message.show_message(text, "error")
        self.reload()

    def set_busy(self, held: dict) -> None:
        """What other jobs hold (BusyWatcher): each page disables its own; Sync now waits for all."""
        for page in (self.yandex, self.moysklad, self.drift):
            page.set_busy(held)
        self.sync_gate.update(held, self.runner.is_running())
        self.sync_button.setEnabled(not self.runner.is_running() and not self.sync_gate.blocked)

    def is_running(self) -> bool:
        return self.runner.is_running() or self.yandex.is_running() or self.moysklad.is_running()

    def cancel(self) -> None:
        self.runner.cancel()
        self.yandex.cancel()
        self.moysklad.cancel()
