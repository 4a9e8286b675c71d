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


def test_names_spelled_in_another_alphabet_run_together_or_reordered():
    """Each spelling a funder could read a People name in (issue: names slipping through the
    masks): "ß" read as "ss" and back, letters with a stroke, a ligature, a Cyrillic letter
    that looks Latin, a name's words run together (a hashtag, a profile link), "Last, First"
    and a nickname in quotes on the People tab."""
    mask = _masker(
        "Jürgen Strauß", "Ann Lee", "Lee, Kim", 'Robert "Bob" Smith', "Łukasz Nowak", "Işıl Demir"
    )
    cases = {
        "Thanks Strauß for hosting": f"Thanks {MASK} for hosting",
        "STRAUSS GmbH": f"{MASK} GmbH",
        "AnnLee opened the tour": f"{MASK} opened the tour",
        "#AnnLee": f"#{MASK}",
        "https://linkedin.com/in/annlee": f"https://linkedin.com/in/{MASK}",
        "Ann\u200bLee spoke": f"{MASK} spoke",
        "Kim called": f"{MASK} called",
        "Bob called": f"{MASK} called",
        "Lukasz and Isil came": f"{MASK} and {MASK} came",
        "\u0410nn came": f"{MASK} came",  # a Cyrillic А
        "So\ufb01a": "So\ufb01a",  # "Sofia" with a ligature: no one here
    }
    assert {text: mask(text) for text in cases} == cases
    assert _masker("Sofia Ruiz")("So\ufb01a came") == f"{MASK} came"
    # what no name is: other words that begin like one, a name inside a longer word
    assert mask("Annual meeting in the leeway") == "Annual meeting in the leeway"


def test_korean_names_with_their_endings_are_masked():
    # a Korean name takes its particle or honorific as part of the word: "김민준님", "김민준이"
    mask = _masker("김민준")
    assert mask("김민준님 감사합니다, 김민준이 왔다") == f"{MASK}님 감사합니다, {MASK}이 왔다"


def test_emails_spelled_out_or_in_full_width_letters():
    mask = _masker("Ann Lee")
    cases = {
        "write to jsmith\uff20rv.org": f"write to {MASK}",
        "write to js @ rv.org today": f"write to {MASK} today",
        "kim [at] rv.org": MASK,
        "kim (at) rv (dot) org": MASK,
        "Sold 5 @ 3.50 each": "Sold 5 @ 3.50 each",  # no email: its last part is no domain
    }
    assert {text: mask(text) for text in cases} == cases


def test_a_spelling_only_on_a_repeated_people_row_is_masked():
    """ "Annie Lee" on a People row set aside as a repeat of "Ann Lee" (one email): the row is a
    problem, its spelling in a win's text is still a name."""
    from dashboard.privacy import anonymised
    from tests.fixtures import dataset_of

    workbook = {
        "People": [
            ["Name", "Email", "Organization"],
            ["Ann Lee", "ann@rv.org", "Mill"],
            ["Annie Lee", "ann@rv.org", "Mill"],
        ],
        "Projects": [["Project", "Collaboration"], ["Garden", "River Valley"]],
        "Wins": [["Date", "Win", "Project"], ["2024-03-05", "Annie opened", "Garden"]],
    }
    dataset = dataset_of(workbook)
    assert "duplicate person" in set(dataset.problems["kind"])
    funder = anonymised(dataset, "a deployment secret of more than 32 bytes")
    assert funder.wins["win"].tolist() == [f"{MASK} opened"]
