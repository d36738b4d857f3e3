"""The Russian and English catalogues: complete, loaded with Qt's own, plurals in 3 / 2 forms."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from stockdesk import i18n
from stockdesk.errors import UserError
from stockdesk.i18n import QT_TRANSLATE_NOOP
from stockdesk.paths import resources_dir
from stockdesk.ui import formatting as fmt
from stockdesk.ui.app import install_translators

translate = QCoreApplication.translate


@pytest.fixture
def russian(qapp):
    install_translators(qapp, "ru")
    yield
    install_translators(qapp, "en")


def test_a_known_string_and_qt_buttons_are_russian(russian):
    assert translate("Wizard", "Welcome") == "Добро пожаловать"
    assert translate("PushPanel", "&Send to Evotor") == "&Отправить в Эвотор"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"  # qtbase_ru


def test_russian_plurals_have_three_forms(russian):
    forms = [translate("DonePage", "%n product(s)", None, n) for n in (1, 2, 5, 21, 0)]
    assert forms == ["1 товар", "2 товара", "5 товаров", "21 товар", "0 товаров"]


def test_english_catalogue_gives_plural_forms(qapp):
    install_translators(qapp, "en")
    assert translate("DonePage", "%n product(s)", None, 1) == "1 product"
    assert translate("DonePage", "%n product(s)", None, 3) == "3 products"


def test_messages_outside_widgets_follow_the_language(russian):
    assert i18n.language() == "ru"
    error = UserError(QT_TRANSLATE_NOOP("Errors", "Type a number."), code="empty")
    assert error.render() == "Введите число."
    assert fmt.qty(-1500) == "-1,5"
    assert fmt.provenance("resolved", "SELL", 123, None, 17000, 2000, 15000) == \
        "Продажа №123: было 17, продано 2 → 15"


@pytest.mark.parametrize("lang, forms", [("ru", 3), ("en", 2)])
def test_catalogues_are_complete(lang, forms):
    root = ET.parse(resources_dir() / "i18n" / f"stockdesk_{lang}.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    for message in root.iter("message"):
        if message.get("numerus") == "yes":
            texts = [f.text for f in message.find("translation").iter("numerusform")]
            assert len(texts) == forms and all(texts), message.findtext("source")
            assert all("%n" in t for t in texts), message.findtext("source")
    assert (resources_dir() / "i18n" / f"stockdesk_{lang}.qm").stat().st_size > 0
