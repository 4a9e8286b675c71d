"""Masking names and emails in free text (reports and the funder view)."""

from __future__ import annotations

import pandas as pd

from dashboard.privacy.masking import MASK, Masker


def _masker(*names: str) -> Masker:
    return Masker(pd.DataFrame({"name": list(names)}))


def test_full_names_parts_emails_any_case_or_accent():
    mask = _masker("José Pérez", "Ann Lee", "Bo Chen")
    text = "jose perez thanked ANN LEE, Pérez, bo chen and x@y.org"
    assert mask(text) == f"{MASK} thanked {MASK}, {MASK}, {MASK} and {MASK}"


def test_longest_name_first_and_whole_words_only():
    # "Ann" and "Annabel Smith" share a prefix; "Anne" and "plannable" are other words
    mask = _masker("Ann Lee", "Annabel Smith")
    assert mask("Annabel Smith and Ann met Anne in plannable rooms") == (
        f"{MASK} and {MASK} met Anne in plannable rooms"
    )


def test_thousands_of_names_and_names_nested_hundreds_deep():
    names = [f"Person{n:05d} Surname{n}" for n in range(3000)] + ["b" * n for n in range(3, 1500)]
    mask = _masker(*names)
    assert (
        mask("Person02999 Surname2999 met bbbbb and person00007") == f"{MASK} met {MASK} and {MASK}"
    )
    assert mask("nobody here") == "nobody here"
