"""IMSHOP: start and stop the availability webhook (status light, URL, requests, last error), and
write the availability feed file for shops that cannot expose a webhook."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stockdesk.context import AppContext
from stockdesk.imshop.config import KEY_NAME
from stockdesk.imshop.feed import write_feed
from stockdesk.imshop.server import AvailabilityServer
from stockdesk.jobs import imshop
from stockdesk.ui import formatting as fmt
from stockdesk.ui.channels.card import StatusLight
from stockdesk.ui.channels.jobs_panel import JobPage
from stockdesk.ui.channels.state import CardState, server_state
from stockdesk.ui.widgets import error_text, paragraph


class ImshopPage(JobPage):
    server_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.server: AvailabilityServer | None = None
        self._last_error: str | None = None
        self.light = StatusLight(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.url = QLabel(self)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.served = QLabel(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.warehouses = QLabel(self)
        self.warehouses.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Sta&rt the webhook"), self)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop the &webhook"), self)
        self.stop_button.clicked.connect(self.stop)
        self.feed_button = QPushButton(self.tr("Write the feed as &XML…"), self)
        self.feed_button.setToolTip(self.tr("Save the availability feed (XML) for IMSHOP to download"))
        self.feed_button.clicked.connect(self.choose_feed)
        self.job_buttons = [self.feed_button]
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.show_status)

        head = QHBoxLayout()
        head.addWidget(self.light)
        head.addWidget(self.state, 1)
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Requests answered:"), self.served)
        form.addRow(self.tr("Last error:"), self.error)
        form.addRow(self.tr("Warehouses:"), self.warehouses)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.feed_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr(
            "IMSHOP asks this webhook how many of each product the shop has when a customer opens a product "
            "card. It answers from StockDesk's balances while StockDesk runs. IMSHOP needs an HTTPS address: "
            "put a tunnel or reverse proxy in front of it. Without one, write the feed file instead."), self))
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.show_status()

    def is_serving(self) -> bool:
        return self.server is not None and self.server.status.running

    def card_state(self) -> tuple[CardState, str | None]:
        status = self.server.status if self.server else None
        warehouses = len(imshop.list_warehouses(self.ctx.db))
        state = server_state(bool(status and status.running), self._last_error or (status.last_error if status else None),
                             bool(self.ctx.secrets.get(KEY_NAME)), warehouses)
        if status is not None:
            state.sent = status.requests_served
            state.failed = status.requests_rejected
        return state, status.last_request_at if status else None

    def show_status(self) -> None:
        state, _ = self.card_state()
        self.light.set_state(state.light)
        self.state.setText(state.text)
        status = self.server.status if self.server else None
        running = bool(status and status.running)
        self.url.setText(status.url if running and status and status.url else "—")
        self.served.setText(self.tr("%1 answered, %2 refused").replace("%1", str(status.requests_served))
                            .replace("%2", str(status.requests_rejected)) if status else "—")
        error = self._last_error or (status.last_error if status else None)
        if status and status.last_error and status.last_error_at and not self._last_error:
            error = f"{status.last_error} ({fmt.iso_datetime(status.last_error_at)})"
        self.error.setText(error or "—")
        names = [w.name for w in imshop.list_warehouses(self.ctx.db)]
        self.warehouses.setText(", ".join(names) if names else self.tr("none yet: add them in Settings"))
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def start(self) -> None:
        if self.is_serving():
            return
        self.server = imshop.availability_server(self.ctx)
        self.begin(self._start(self.server), self.tr("Starting the webhook…"))

    async def _start(self, server: AvailabilityServer) -> None:
        self._last_error = None
        try:
            url = await server.start()
        except Exception as exc:
            self._last_error = error_text(exc)
            raise
        finally:
            self.show_status()
            self.server_changed.emit()
        self.message.show_message(self.tr("The webhook answers at %1").replace("%1", url), "ok")
        self._ticker.start()

    def stop(self) -> None:
        if self.is_serving():
            self.begin(self._stop(), self.tr("Stopping the webhook…"))

    async def _stop(self) -> None:
        assert self.server is not None
        await self.server.stop()
        self._ticker.stop()
        self.show_status()
        self.server_changed.emit()
        self.message.show_message(self.tr("The webhook is stopped."), "info")

    async def shutdown(self) -> None:
        """The window is closing: stop listening."""
        self._ticker.stop()
        if self.server is not None:
            await self.server.stop()

    def choose_feed(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Write the IMSHOP availability feed"),
                                              str(self.ctx.data_dir / "imshop-availability.xml"),
                                              self.tr("XML files (*.xml)"))
        if path:
            self.write_feed(path)

    def write_feed(self, path: str) -> None:
        self.begin(self._feed(path), self.tr("Writing the feed…"))

    async def _feed(self, path: str) -> None:
        result = await self.ctx.worker.run(write_feed, path)
        self.message.show_message(self.tr("Feed written to %1: %2 outlet(s), %3 availability row(s).")
                                  .replace("%1", str(result.path)).replace("%2", str(result.outlets))
                                  .replace("%3", str(result.products)), "ok")
