"""The eight pages of the first-run wizard. Each page updates the shared FlowState and emits
``changed``; the dialog asks the flow (stockdesk.ui.wizard_flow) what the buttons may do."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from stockdesk.context import AppContext
from stockdesk.jobs.connect import evotor_connected
from stockdesk.jobs.overview import store_overview
from stockdesk.jobs.reconstruct import unfinished_scan
from stockdesk.ui.accounts_panel import AccountsPanel
from stockdesk.ui.connect_form import ConnectForm
from stockdesk.ui.push_panel import PushPanel
from stockdesk.ui.reconstruct_panel import ReconstructPanel
from stockdesk.ui.review import ReviewWidget
from stockdesk.ui.stores_list import StoresList
from stockdesk.ui.widgets import paragraph
from stockdesk.ui.wizard_flow import NAVMAP, FlowState


def reconstruction_done(ctx: AppContext) -> bool:
    """Every selected store has a finished reconstruction and none is interrupted."""
    overview = store_overview(ctx)
    return bool(overview) and all(o.last_reconstruction for o in overview) and not unfinished_scan(ctx)


def needs_review(ctx: AppContext) -> int:
    return sum(o.needs_review for o in store_overview(ctx))


class WizardPage(QWidget):
    PAGE_ID = ""
    changed = Signal()

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def title(self) -> str:
        return QCoreApplication.translate("Wizard", NAVMAP[self.PAGE_ID].title)

    def subtitle(self) -> str:
        return ""

    def enter(self) -> None:
        """Called each time the page becomes the current one."""

    def running(self) -> bool:
        """A job of this page is under way."""
        return False

    def stop(self) -> None:
        """Cancel this page's job (the window is closing); the job resumes next time."""


class WelcomePage(WizardPage):
    PAGE_ID = "welcome"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.layout_.addWidget(paragraph(self.tr(
            "<p>StockDesk works out how many of each product you really have, from the documents your "
            "Evotor terminals already keep (sales, returns, acceptances, write-offs and inventories), "
            "and puts those numbers into the Evotor cloud.</p>"
            "<p><b>What it will do</b></p>"
            "<ul><li>read your stores, products and terminal documents;</li>"
            "<li>work out the stock of every product and show where each number comes from;</li>"
            "<li>ask you about the products the documents cannot settle;</li>"
            "<li>after you confirm, send the new stock balances to the Evotor cloud.</li></ul>"
            "<p><b>What it will not touch</b></p>"
            "<ul><li>prices, names, product cards and groups;</li>"
            "<li>your documents, receipts and terminals;</li>"
            "<li>anything at all before you press <b>Send</b>.</li></ul>"
            "<p>You can stop at any step: StockDesk keeps what it has done and continues next time.</p>"),
            self))
        if ctx.demo:
            self.layout_.addWidget(paragraph(self.tr(
                "<p><b>Demo:</b> this is a made-up shop running on this computer. Nothing real is read "
                "or changed, and everything is forgotten when you close StockDesk.</p>"), self))
        self.layout_.addStretch(1)

    def subtitle(self) -> str:
        return self.tr("Correct stock in the Evotor cloud, rebuilt from your terminals' documents.")


class ConnectPage(WizardPage):
    PAGE_ID = "connect"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.form = ConnectForm(ctx, self)
        self.form.connected.connect(self._connected)
        self.layout_.addWidget(self.form)

    def subtitle(self) -> str:
        return self.tr("StockDesk needs the token of its Evotor app to read your documents and set stock.")

    def enter(self) -> None:
        self.state.evotor_connected = evotor_connected(self.ctx)
        self.form.show_current()
        if self.ctx.demo and not self.state.evotor_connected:
            self.form.message.show_message(self.tr("Demo: the demo shop's token is already in place. "
                                                   "Press Check."), "info")
        self.form.token.setFocus()
        self.changed.emit()

    def _connected(self, _result) -> None:
        self.state.evotor_connected = True
        self.changed.emit()

    def running(self) -> bool:
        return self.form.is_busy()

    def stop(self) -> None:
        self.form.cancel()


class AccountsPage(WizardPage):
    PAGE_ID = "accounts"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.panel = AccountsPanel(ctx, self.tr(
            "StockDesk can keep your sales channels in step with the Evotor stock. This is optional: "
            "press Next to skip any of them, and connect them any time later in Settings."), self)
        area = QScrollArea(self)
        area.setWidget(self.panel)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.layout_.addWidget(area)

    def subtitle(self) -> str:
        return self.tr("Optional: other places that should know your stock.")

    def running(self) -> bool:
        return self.panel.is_busy()

    def stop(self) -> None:
        self.panel.stop()


class StoresPage(WizardPage):
    PAGE_ID = "stores"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.stores = StoresList(ctx, self)
        self.stores.selection_changed.connect(self._update)
        self.layout_.addWidget(paragraph(self.tr(
            "Tick the stores whose stock StockDesk should rebuild. It reads each store's documents from "
            "today back in time, month by month, and stops as soon as every product is settled or it "
            "reaches a complete inventory: at most back to the date shown."), self))
        self.layout_.addWidget(self.stores, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)

    def subtitle(self) -> str:
        return self.tr("Choose the stores and see how far back their history goes.")

    def enter(self) -> None:
        self.stores.reload()
        self.stores.setFocus()

    def _update(self, count: int) -> None:
        self.state.stores_selected = count
        self.note.setText(self.tr("%n store(s) selected.", "", count) if count
                          else self.tr("Tick at least one store to continue."))
        self.changed.emit()


class ReconstructPage(WizardPage):
    PAGE_ID = "reconstruct"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.panel = ReconstructPanel(ctx, self)
        self.panel.running_changed.connect(self._running)
        self.panel.finished.connect(self._finished)
        self.layout_.addWidget(paragraph(self.tr(
            "This can take a while for a big shop. You can cancel at any moment, or even close "
            "StockDesk: next time it continues where it stopped."), self))
        self.layout_.addWidget(self.panel, 1)

    def subtitle(self) -> str:
        return self.tr("Reading the products and documents, then working out every product's stock.")

    def enter(self) -> None:
        if self.panel.is_running():
            return
        self.state.reconstruction_done = reconstruction_done(self.ctx)
        self.state.needs_review = needs_review(self.ctx)
        if self.state.reconstruction_done:
            if self.panel.summary is None:
                self.panel.message.show_message(self.tr("The stock is already rebuilt. Press Next, or Run "
                                                        "again to take in new documents."), "ok")
            self.panel.start_button.setText(self.tr("Run &again"))
        else:
            self.panel.prepare()
            self.panel.start()
        self.changed.emit()

    def running(self) -> bool:
        return self.panel.is_running()

    def stop(self) -> None:
        self.panel.cancel()

    def _running(self, running: bool) -> None:
        self.state.reconstruction_running = running
        self.changed.emit()

    def _finished(self, _summary) -> None:
        self.state.reconstruction_done = True
        self.state.reconstruction_started = True
        self.state.needs_review = needs_review(self.ctx)
        self.changed.emit()


class ReviewPage(WizardPage):
    PAGE_ID = "review"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.review = ReviewWidget(ctx, self)
        self.review.decisions_changed.connect(self._decided)
        self.layout_.addWidget(paragraph(self.tr(
            "For these products the documents do not say how many there are. Type the number you have, "
            "or choose what to do with the buttons. Every change is saved at once. You can also finish "
            "later: products without a decision are not sent."), self))
        self.layout_.addWidget(self.review, 1)

    def subtitle(self) -> str:
        return self.tr("The products that need you.")

    def enter(self) -> None:
        self.review.reload()
        self.review.table.setFocus()
        self._decided()

    def _decided(self) -> None:
        self.state.needs_review = self.review.model.undecided()
        self.changed.emit()


class PushPage(WizardPage):
    PAGE_ID = "push"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.panel = PushPanel(ctx, self)
        self.panel.running_changed.connect(self._running)
        self.panel.planned.connect(self._planned)
        self.panel.finished.connect(self._finished)
        self.later = QCheckBox(self.tr("I will send later from the main window"), self)
        self.later.toggled.connect(self._later)
        self.layout_.addWidget(self.panel, 1)
        self.layout_.addWidget(self.later)

    def subtitle(self) -> str:
        return self.tr("Check what will change in the Evotor cloud, then send it.")

    def enter(self) -> None:
        if not self.state.push_finished and not self.panel.is_running():
            self.panel.prepare()

    def running(self) -> bool:
        return self.panel.is_running()

    def stop(self) -> None:
        self.panel.cancel()

    def _running(self, running: bool) -> None:
        self.state.push_running = running
        self.changed.emit()

    def _planned(self, plan) -> None:
        self.state.nothing_to_push = not plan.items
        self.changed.emit()

    def _finished(self, _result) -> None:
        self.state.push_finished = True
        self.later.hide()  # sent: nothing left to postpone
        self.changed.emit()

    def _later(self, on: bool) -> None:
        self.state.push_later = on
        self.changed.emit()


class DonePage(WizardPage):
    PAGE_ID = "done"

    def __init__(self, ctx: AppContext, state: FlowState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, state, parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.layout_.addWidget(self.summary)
        self.layout_.addStretch(1)

    def subtitle(self) -> str:
        return self.tr("StockDesk is ready.")

    def enter(self) -> None:
        parts = []
        for o in store_overview(self.ctx):
            lines = [f"<b>{escape(o.name)}</b>",
                     self.tr("%n product(s)", "", o.products),
                     self.tr("%n got their number from the documents", "", o.resolved)]
            if o.needs_review:
                lines.append(self.tr("%n still need your decision (Review tab)", "", o.needs_review))
            lines.append(self.tr("%n balance(s) sent to Evotor", "", o.pushed))
            parts.append("<p>" + "<br>".join(lines) + "</p>")
        if self.state.push_later and not self.state.push_finished:
            parts.append("<p>" + self.tr("Nothing has been sent yet: use <b>Send to Evotor</b> in the main "
                                         "window when you are ready.") + "</p>")
        parts.append("<p>" + self.tr("The main window shows every product and where its number comes from. "
                                     "Run the reconstruction again any time to take in new documents.") + "</p>")
        self.summary.setText("".join(parts))


PAGES: tuple[type[WizardPage], ...] = (WelcomePage, ConnectPage, AccountsPage, StoresPage, ReconstructPage,
                                       ReviewPage, PushPage, DonePage)
