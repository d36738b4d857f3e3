#!/usr/bin/env bash
# Extract every translatable string of stockdesk/ into the Linguist catalogues, keep the existing
# translations, then compile them to .qm:
#   resources/i18n/stockdesk_ru.ts  everything, in Russian
#   resources/i18n/stockdesk_en.ts  plural forms only ("1 product" / "2 products"); the source is English
# Translate new entries in pyside6-linguist (or in the .ts), then run this again.
#
# Code outside widgets calls stockdesk.i18n.tr("Context", "text"), which lupdate reads as
# tr(source="Context", comment="text"); those entries are turned back into context + source here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
I18N=resources/i18n
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$BIN/pyside6-lupdate" -extensions py -locations none stockdesk -ts "$TMP/extracted_ru.ts"

"$BIN/python" - "$TMP/extracted_ru.ts" "$I18N" <<'PY'
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

extracted, i18n = Path(sys.argv[1]), Path(sys.argv[2])


def messages(root):
    """(context, source, numerus, message element) for every entry, with i18n.tr() calls repaired."""
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            name, source, comment = context_name, message.findtext("source") or "", message.find("comment")
            if not name:
                if comment is None:
                    continue  # tr("Context", VARIABLE): the text itself is marked with QT_TRANSLATE_NOOP
                name, source = source, comment.text or ""  # tr("Context", "text") read as tr(source, comment)
                message.remove(comment)
                message.find("source").text = source
            yield name, source, message.get("numerus") == "yes", message


found = list(messages(ET.parse(extracted).getroot()))
for lang, plural_only in (("ru", False), ("en", True)):
    path = i18n / f"stockdesk_{lang}.ts"
    known = {}
    if path.exists():
        for name, source, _, message in messages(ET.parse(path).getroot()):
            known[(name, source)] = message.find("translation")
    root = ET.Element("TS", version="2.1", language={"ru": "ru_RU", "en": "en_US"}[lang])
    contexts = {}
    unfinished = 0
    for name, source, numerus, message in found:
        if plural_only and not numerus:
            continue
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        if any(m.findtext("source") == source for m in context.iter("message")):
            continue  # the same text used twice in one context: one entry
        entry = ET.SubElement(context, "message", numerus="yes") if numerus else ET.SubElement(context, "message")
        ET.SubElement(entry, "source").text = source
        old = known.get((name, source))
        if old is not None:
            entry.append(old)
        else:
            old = ET.SubElement(entry, "translation", type="unfinished")
            if numerus:
                for _ in range(3 if lang == "ru" else 2):
                    ET.SubElement(old, "numerusform")
        unfinished += old.get("type") == "unfinished"
    ET.indent(root, space="    ")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    print(f"{path}: {sum(1 for _ in root.iter('message'))} entries, {unfinished} unfinished")
PY

for lang in ru en; do
  "$BIN/pyside6-lrelease" -silent "$I18N/stockdesk_$lang.ts" -qm "$I18N/stockdesk_$lang.qm"
done
