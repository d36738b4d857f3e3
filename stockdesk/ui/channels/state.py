"""What a channel card shows: a status light and one line, from the last sync and the channel's setup.

Plain functions (no widgets) so the rules are tested without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from stockdesk.i18n import QT_TRANSLATE_NOOP, tr
from stockdesk.jobs.sync import Step

translate = QCoreApplication.translate

OK, ATTENTION, FAILED, OFF = "ok", "attention", "failed", "off"

NAMES = {
    "evotor": QT_TRANSLATE_NOOP("Channels", "Evotor cloud"),
    "yandex": QT_TRANSLATE_NOOP("Channels", "Yandex Market"),
    "moysklad": QT_TRANSLATE_NOOP("Channels", "MoySklad"),
    "imshop": QT_TRANSLATE_NOOP("Channels", "IMSHOP"),
}


def channel_name(channel: str) -> str:
    source = NAMES.get(channel)
    return translate("Channels", source) if source else channel


@dataclass
class CardState:
    light: str            # ok | attention | failed | off
    text: str             # one line in the owner's language
    sent: int | None = None
    failed: int | None = None


def sync_state(step: Step | None, *, connected: bool, enabled: bool = True, unmapped: int = 0) -> CardState:
    """Evotor, Yandex Market or MoySklad after the last sync."""
    if not connected:
        return CardState(OFF, translate("Channels", "Not connected."))
    if not enabled:
        return CardState(OFF, translate("Channels", "Switched off: nothing is sent."))
    if step is None:
        return CardState(ATTENTION, translate("Channels", "Not synced yet: press Sync now."))
    if not step.ok:
        return CardState(FAILED, step.message or translate("Channels", "The last sync failed."), step.sent, step.failed)
    if step.failed:
        return CardState(ATTENTION, tr("Channels", "%n item(s) could not be sent.", step.failed),
                         step.sent, step.failed)
    if step.drift:
        return CardState(ATTENTION, tr("Channels", "%n balance(s) changed in the cloud with no document: written back.",
                                       len(step.drift)), step.sent, step.failed)
    if step.message:  # done, but nothing could be written (no first push yet, an interrupted push)
        return CardState(ATTENTION, step.message, step.sent, step.failed)
    if unmapped:
        return CardState(ATTENTION, tr("Channels", "%n item(s) need a product chosen.", unmapped),
                         step.sent, step.failed)
    return CardState(OK, translate("Channels", "In step."), step.sent, step.failed)


def server_state(running: bool, last_error: str | None, has_key: bool, warehouses: int) -> CardState:
    """IMSHOP: the webhook answers from the balances directly, so its light is the server's."""
    if not has_key or not warehouses:
        return CardState(OFF, translate("Channels", "Not set up: give the IMSHOP key and a warehouse."))
    if running and last_error:
        return CardState(ATTENTION, translate("Channels", "Running; last error: %1").replace("%1", last_error))
    if running:
        return CardState(OK, translate("Channels", "The webhook is running."))
    if last_error:
        return CardState(FAILED, translate("Channels", "Stopped: %1").replace("%1", last_error))
    return CardState(OFF, translate("Channels", "The webhook is stopped."))
