"""Name keys and people lists (docs/METRICS.md, "Names" and "People lists")."""

import pandas as pd
import pytest

from dashboard.clean import names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (" jose  PÉREZ", "José Pérez"),  # docs/METRICS.md, "Reading rules": Names
        ("Zoë\tO'Neil", "zoe o'neil"),
        ("STRASSE", "straße"),  # case folding, not just lower-casing
        ("Ｊｏｓｅ", "jose"),  # NFKD folds full-width letters
    ],
)
def test_spellings_of_one_person_share_a_key(a, b):
    assert names.key_of(a) == names.key_of(b)


def test_different_people_keep_different_keys():
    assert names.key_of("Ann Lee") != names.key_of("Anne Lee")


def _split(text):
    return names.split_lists(pd.Series([text], dtype="string")).tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann, Bo; Cy / Di & Ed", ["Ann", "Bo", "Cy", "Di", "Ed"]),
        ("Ann and Bo AND Cy", ["Ann", "Bo", "Cy"]),
        ("Ann\nBo", ["Ann", "Bo"]),
        ("Sandy Anderson and Brand", ["Sandy Anderson", "Brand"]),  # 'and' only as a whole word
        ("Ann,, ;Bo,", ["Ann", "Bo"]),  # empty parts dropped
        ("Ann, ANN , Bo", ["Ann", "Bo"]),  # the same person twice counts once
        ("ann@example.org", ["ann@example.org"]),
    ],
)
def test_people_lists(text, expected):
    assert _split(text) == expected


def test_lists_keep_the_record_they_came_from():
    exploded = names.split_lists(pd.Series(["A, B", None, "C"], dtype="string"))
    assert exploded.index.tolist() == [0, 0, 2]


def test_every_unicode_format_character_is_left_out_of_a_key():
    """The written-out class (faster than asking unicodedata at import) holds every character of
    category Cf this Python knows: zero-width joiners, direction marks, the byte-order mark…"""
    import re
    import sys
    import unicodedata

    from dashboard.clean.names import FORMAT_CHARACTERS, key_of

    format_class = re.compile(FORMAT_CHARACTERS)
    every = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert len(every) > 150
    assert all(format_class.fullmatch(c) for c in every)
    assert key_of("Ann\u200d Lee\u200f") == key_of("\ufeffANN LEE") == "ann lee"
