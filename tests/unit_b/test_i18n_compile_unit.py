"""Compiling the gettext catalogues, and telling a stale .mo from a current one."""

from __future__ import annotations

import gettext
import io
import shutil

import pytest

from planner.i18n import compile as mo


@pytest.fixture
def locale(tmp_path):
    shutil.copytree(mo.LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def edit_po(root, lang: str, before: str, after: str) -> None:
    po = mo.po_file(lang, root)
    text = po.read_text(encoding="utf-8")
    assert before in text
    po.write_text(text.replace(before, after, 1), encoding="utf-8")


def test_a_missing_mo_is_stale(locale):
    mo.po_file("en", locale).with_suffix(".mo").unlink()
    assert mo.stale("en", locale)


@pytest.mark.parametrize(("lang", "word"), [("nl", "te laat"), ("en", "overdue")])
def test_compiled_bytes_are_a_catalogue_gettext_reads(lang, word):
    found = gettext.GNUTranslations(io.BytesIO(mo.compiled(lang)))
    assert found.pgettext("status", "overdue") == word


def test_writing_the_compiled_bytes_makes_an_edited_catalogue_current_again(locale):
    edit_po(locale, "nl", '"te laat"', '"te laat!"')
    assert mo.stale("nl", locale)
    mo.po_file("nl", locale).with_suffix(".mo").write_bytes(mo.compiled("nl", locale))
    assert not mo.stale("nl", locale)


def test_the_compiled_catalogue_has_the_edited_word(locale):
    edit_po(locale, "nl", '"te laat"', '"veel te laat"')
    found = gettext.GNUTranslations(io.BytesIO(mo.compiled("nl", locale)))
    assert found.pgettext("status", "overdue") == "veel te laat"


def test_a_word_marked_fuzzy_leaves_the_mo_stale_until_recompiled(locale):
    edit_po(
        locale,
        "nl",
        'msgctxt "status"\nmsgid "overdue"\nmsgstr "te laat"',
        '#, fuzzy\nmsgctxt "status"\nmsgid "overdue"\nmsgstr "te laat!"',
    )
    # a fuzzy translation is not compiled in: the old .mo still has a word the .po withdrew
    assert mo.stale("nl", locale)
    mo.po_file("nl", locale).with_suffix(".mo").write_bytes(mo.compiled("nl", locale))
    assert not mo.stale("nl", locale)


def test_check_of_the_committed_catalogues_passes_quietly(capsys):
    assert mo.main(["--check"]) == 0
    assert capsys.readouterr().out == ""
