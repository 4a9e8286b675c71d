"""Keeping people's names and emails out of what a funder receives.

Free text a team typed (a win's description, a file name in Evidence) may name people: every
known person's full name, each part of it, and their email are masked, whatever the case or
accents, before the text goes into a report that is not for internal use.

A name is found however it is written into the text (``folding.for_finding``): with zero-width
characters or a soft hyphen inside it, with a curly apostrophe ("O’Brien"), with letters another
alphabet spells alike ("Strauss" for "Strauß", "Lukasz" for "Łukasz", a Cyrillic "А" for "A"),
joined to other text by underscores, digits or dots ("Certificate_Ann_Lee.pdf",
"ann_lee_workshop.jpg", "Ann2024") — a name is a run of letters, so it ends wherever a letter
does not follow —, its words run together or apart ("AnnLee", "#annlee", "linkedin.com/in/annlee",
"Lee, Ann") and, in scripts written without spaces or whose words take endings (Chinese,
Japanese, Thai, Korean…), anywhere inside the text ("王小明完成了培训", "김민준님"). An email is
found as written or spelled out ("ann＠rv.org", "ann @ rv.org", "ann [at] rv [dot] org").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from dashboard.clean.cells import EMAIL  # the pattern the loader reads emails with
from dashboard.folding import for_finding

MASK = "[someone]"
MIN_PART = 2  # letters: a part of a name this long or longer is masked on its own
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters: what a name's word is made of
# an email begins where a run of the characters it is made of begins: tried from inside the run
# too, a long one (a 60,000-character cell) took seconds, each start scanning to its end
_EMAIL_START = r"(?<![^@\s,;<>()\[\]{}])"
_EMAIL_IN_TEXT = re.compile(_EMAIL_START + EMAIL.pattern.strip("^$"))
# an email spelled out to dodge the pattern: spaces around "@", "[at]", "(dot)"… The last part
# must be letters, so "5 @ 3.50" is no email
_AT = r"\s*(?:@|[\[({<]\s*at\s*[\])}>])\s*"
_DOT = r"(?:\.|\s*[\[({<]\s*dot\s*[\])}>]\s*)"
_LABEL = r"[^@\s,;<>()\[\]{}.]+"
_EMAIL_SPELLED = re.compile(
    rf"{_EMAIL_START}{_LABEL}(?:\.{_LABEL})*{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[^\W\d_]{{2,}}(?![^\W\d_])"
)
# a name's words: runs of letters or digits ("o'brien" one word, and "brien" one too)
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# between the words of a name in a text: anything not a letter or digit, or nothing at all:
# "Ann Lee", "Ann_Lee", "Lee, Ann", "AnnLee"
_SEPARATOR = r"[\W_]*"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# scripts written without spaces between words, or whose words take endings (Korean: "김민준님"):
# a name there has no boundary to look for
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)


def _trie_pattern(words: set[str]) -> str:
    """One pattern matching any of ``words``, longest first, shaped as a trie: ``ann(?: lee)?``.
    A flat alternation of thousands of names tries each at every position of a text; the trie
    tries one character at a time (about 30 times faster on 5,000 people). A space in a name
    matches any run of spaces, underscores, dots or hyphens in the text."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    try:
        return _node_pattern(trie)
    except RecursionError:  # names nested hundreds deep (each a prefix of the next): flat
        return "|".join(_escaped(w) for w in sorted(words, key=len, reverse=True))


def _escaped(chain: str) -> str:
    return _SEPARATOR.join(re.escape(part) for part in chain.split(" "))


def _node_pattern(node: dict) -> str:
    branches = []
    for character, child in sorted(node.items()):
        if not character:
            continue
        chain = character
        while len(child) == 1 and "" not in child:  # a run with no branch: no recursion
            (character, child), *_ = child.items()
            chain += character
        branches.append(_escaped(chain) + _node_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:  # a word ends here, and longer ones go on: the rest is optional (greedy)
        return f"(?:{body})?"
    return body


def _words(name: str) -> set[str]:
    """The texts a name is masked by: the whole name (its words, whatever stands between them in
    the People tab: "Lee, Kim" is "lee kim") and each word of ``MIN_PART`` letters or more, with
    the parts of an apostrophe's word ("o'brien", "brien"). Two-letter parts count: "Li", "Wu",
    "Ng", "Jo" are whole surnames and given names, and a funder must not read them; a single
    letter is an initial, which names no one."""
    folded = for_finding(name)[0]
    tokens = _WORDS.findall(folded)
    if not tokens:
        return set()
    # and the whole name as written, its punctuation included ("<b>Ann</b>" is masked whole)
    words = {" ".join(tokens), " ".join(folded.split())}
    for token in tokens:
        words.update(part for part in (token, *token.split("'")) if len(part) >= MIN_PART)
    return words


def _runs(word: str) -> set[str]:
    """Each run of letters of ``word``, and its first runs joined: "ann", "lee", "annlee"."""
    runs = _LETTERS.findall(word)
    return {*runs, *("".join(runs[:end]) for end in range(2, len(runs) + 1))}


class Masker:
    """Masks the names of ``people`` (the Dataset's People table) and of ``also`` (spellings
    of people kept nowhere else: a People row set aside as a repeat), and every email, in text."""

    def __init__(self, people: pd.DataFrame, also: Iterable[str] = ()) -> None:
        words: set[str] = set()
        for name in [*people["name"].dropna(), *also]:
            words |= _words(str(name))
        unspaced = {w for w in words if _UNSPACED.search(w)}
        spaced = words - unspaced
        body = _trie_pattern(spaced)
        self._names = (
            re.compile(rf"{_NOT_LETTER_BEFORE}(?:{body}){_NOT_LETTER_AFTER}", re.IGNORECASE)
            if body
            else None
        )
        within = _trie_pattern(unspaced)
        self._within = re.compile(within, re.IGNORECASE) if within else None
        # every spaced match begins with a whole run of letters of the text that is a run of
        # some name, or the first runs of a name run together ("annlee"): a text with none of
        # those is left alone without running the (slow, thousands of alternatives) pattern
        self._vocabulary = {run for word in spaced for run in _runs(word)}

    def __call__(self, text: object) -> str:
        if text is None or text is pd.NA or (isinstance(text, float) and text != text):
            return ""
        value = str(text)
        folded, positions = for_finding(value)
        spans = [m.span() for m in _EMAIL_IN_TEXT.finditer(folded)]
        if "@" in folded or "at" in folded:
            spans += [m.span() for m in _EMAIL_SPELLED.finditer(folded)]
        if self._names is not None and not self._vocabulary.isdisjoint(_LETTERS.findall(folded)):
            spans += [m.span() for m in self._names.finditer(folded)]
        if self._within is not None and _UNSPACED.search(folded):
            spans += [m.span() for m in self._within.finditer(folded)]
        if not spans:
            return value
        return _masked(value, spans, positions)


def _masked(value: str, spans: list[tuple[int, int]], positions: list[int] | None) -> str:
    """``value`` with the ``spans`` of its folded form (overlapping ones merged) masked."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if start == end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        first = positions[start] if positions is not None else start
        last = positions[end - 1] + 1 if positions is not None else end
        value = value[:first] + MASK + value[last:]
    return value
