"""The documentation's links and commands, held to the repository: every relative link and
anchor of every tracked Markdown file resolves (GitHub's anchor rules), every command a fenced
example of the README and the docs shows exists (a real subcommand with real options, a file
that is there), and the README's own ``smallwins`` examples run, as shown, on the demo.

A reader copies these; a renamed section, file or option must fail here, not in their terminal.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from dashboard.cli import parser as cli_parser

ROOT = Path(__file__).resolve().parents[1]
MARKDOWN = MarkdownIt("commonmark").enable("table")
# the Markdown whose fenced examples a reader runs
DOCS = ["README.md", "docs/operating.md", "docs/development.md", "benchmarks/README.md"]
SHELL = {"bash", "sh", "shell", "console", "text", ""}
# commands a fenced example may start with; anything else is a typo or a tool nobody installs
KNOWN = {
    "smallwins", "python", "python3", "pip", "streamlit", "git", "cd", ".", "export", "ruff",
    "lint-imports", "mypy", "docker", "apt-get",
}  # fmt: skip
SEPARATORS = {"&&", "||", ";", "|"}
REPO_DIRS = ("benchmarks/", "docs/", "deploy/", "tests/", "src/", "pages/", ".ci/")


def _tracked_markdown() -> list[Path]:
    """Every Markdown file git tracks (the ones a reader sees on GitHub)."""
    listed = subprocess.run(
        ["git", "ls-files", "*.md"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    # a tracked symlink (static/README.md, the README the app serves) is its target's text: GitHub
    # shows it as a link, not as Markdown, and its target is checked under its own name
    paths = [ROOT / line for line in listed.stdout.splitlines() if line]
    return [path for path in paths if not path.is_symlink()]


@cache
def _tokens(path: Path) -> list[Token]:
    return MARKDOWN.parse(path.read_text(encoding="utf-8"))


def _inline_children(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens if token.type == "inline" for child in token.children or []]


def github_anchor(text: str) -> str:
    """GitHub's anchor for a heading's text: lower case, everything but letters, digits, spaces,
    hyphens and underscores dropped, spaces made hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _heading_text(inline: Token) -> str:
    """A heading as GitHub reads it for its anchor: its text with the markup (code, emphasis,
    links) taken off."""
    return "".join(
        child.content for child in inline.children or [] if child.type in {"text", "code_inline"}
    )


@cache
def anchors(path: Path) -> frozenset[str]:
    """The anchors of a Markdown file's headings, a repeated one numbered ``-1``, ``-2``…"""
    tokens, seen, found = _tokens(path), {}, set()
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type != "heading_open":
            continue
        anchor = github_anchor(_heading_text(inline))
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        found.add(anchor if count == 0 else f"{anchor}-{count}")
    return frozenset(found)


def _targets(path: Path) -> list[str]:
    """Every link and image address of a Markdown file."""
    targets = []
    for child in _inline_children(_tokens(path)):
        if child.type == "link_open":
            targets.append(str(child.attrs["href"]))
        elif child.type == "image":
            targets.append(str(child.attrs["src"]))
    return targets


def broken_links(path: Path, root: Path = ROOT) -> list[str]:
    """The relative links of ``path`` that lead nowhere: a missing file, a file outside the
    repository (``root``), or an anchor no heading of the target has."""
    broken = []
    for target in _targets(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, flags=re.IGNORECASE):
            continue  # https:, mailto: — not ours to check
        address, _, anchor = target.partition("#")
        linked = (path.parent / unquote(address)).resolve() if address else path
        if not linked.is_relative_to(root):
            broken.append(f"{target}: outside the repository")
        elif not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and unquote(anchor) not in anchors(linked):
            broken.append(f"{target}: no heading with that anchor in {linked.name}")
    return broken


@pytest.mark.parametrize("path", _tracked_markdown(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(path):
    assert broken_links(path) == []


def test_anchors_follow_githubs_rules():
    assert github_anchor("The team's sheet") == "the-teams-sheet"
    assert github_anchor("The team's sheet and setup-sheet") == "the-teams-sheet-and-setup-sheet"
    assert github_anchor("The workbook (generate.py)") == "the-workbook-generatepy"
    assert github_anchor("Results, 2026-12-01: one replica") == "results-2026-12-01-one-replica"


def test_a_link_to_a_missing_file_section_or_outside_is_caught(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "guide.md").write_text(
        "# Guide\n\n## The team's sheet\n\n## Notes\n\n## Notes\n"
    )
    (tmp_path / "shared.md").write_text("# Outside\n")
    page = repo / "README.md"
    page.write_text(
        "[ok](docs/guide.md#the-teams-sheet) [ok](docs/guide.md#notes-1) ![ok](docs/guide.md)\n"
        "[here](#read-me) [web](https://example.org/#x)\n\n# Read me\n\n"
        "[gone](docs/gone.md) [moved](docs/guide.md#configuration) [self](#nowhere) "
        "[out](../shared.md) ![img](docs/shot.png)\n"
    )
    assert broken_links(page, repo) == [
        "docs/gone.md: no such file",
        "docs/guide.md#configuration: no heading with that anchor in guide.md",
        "#nowhere: no heading with that anchor in README.md",
        "../shared.md: outside the repository",
        "docs/shot.png: no such file",
    ]


# ------------------------------------------------------------------------- fenced commands


def _fenced_lines(path: Path) -> list[str]:
    """The command lines of a file's fenced shell examples: in a console or text block, the lines
    after ``$ `` (the rest is output); in a shell block, every line but comments."""
    lines = []
    for token in _tokens(path):
        language = token.info.strip().split(" ")[0] if token.type == "fence" else None
        if language not in SHELL:
            continue
        prompted = language in {"console", "text", ""}
        for line in token.content.replace("\\\n", " ").splitlines():
            if prompted:
                if line.startswith("$ "):
                    lines.append(line[2:])
            elif line.strip() and not line.lstrip().startswith("#"):
                lines.append(line)
    return lines


def commands(line: str) -> list[list[str]]:
    """A shell line's commands, each as its words (``&&``, ``;`` and pipes split them;
    ``NAME=value`` before a command and comments dropped)."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    found, current = [], []
    for word in lexer:
        if word in SEPARATORS:
            found.append(current)
            current = []
        elif word.startswith("#"):
            break
        elif not current and re.fullmatch(r"[A-Z_]+=\S*", word):
            continue
        else:
            current.append(word)
    return [command for command in [*found, current] if command]


@cache
def _extras() -> frozenset[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return frozenset(project.get("optional-dependencies", {}))


def _cli_mistake(arguments: list[str]) -> str | None:
    """Why ``smallwins ARGUMENTS`` would not parse (an unknown command or option), or None."""
    try:
        cli_parser().parse_args(arguments)
    except SystemExit:
        return f"smallwins {shlex.join(arguments)}: not a command the CLI accepts"
    return None


def command_mistake(words: list[str]) -> str | None:
    """What is wrong with one example command, or None: the tool must be one the project uses;
    a ``smallwins`` command must parse; a script, a module, an app file, a pip extra or a
    repository path it names must exist."""
    tool, *rest = words
    if tool not in KNOWN:
        return f"{shlex.join(words)}: {tool!r} is not a command the project uses"
    if tool in {"python", "python3"} and rest[:2] == ["-m", "dashboard"]:
        return _cli_mistake(rest[2:])
    if tool == "smallwins":
        return _cli_mistake(rest)
    if tool in {"python", "python3"} and rest and rest[0] == "-m":
        module = rest[1]
        return None if find_spec(module) else f"{shlex.join(words)}: no module {module}"
    if tool in {"python", "python3"} and rest and rest[0].endswith(".py"):
        return None if (ROOT / rest[0]).is_file() else f"{shlex.join(words)}: no {rest[0]}"
    if tool == "streamlit" and rest[:1] == ["run"]:
        return None if (ROOT / rest[1]).is_file() else f"{shlex.join(words)}: no {rest[1]}"
    if tool == "pip":
        extras = {e for word in rest for e in re.findall(r"^\.\[(\w+)\]$", word)}
        return (
            f"{shlex.join(words)}: no extra {sorted(extras - _extras())}"
            if extras - _extras()
            else None
        )
    for word in rest:
        if word.startswith(REPO_DIRS) and not (ROOT / word).exists():
            return f"{shlex.join(words)}: no {word}"
    return None


@pytest.mark.parametrize("doc", DOCS)
def test_every_command_of_a_fenced_example_exists(doc):
    lines = _fenced_lines(ROOT / doc)
    assert lines, f"{doc} shows no command"
    mistakes = [
        mistake for line in lines for words in commands(line) if (mistake := command_mistake(words))
    ]
    assert mistakes == []


@pytest.mark.parametrize(
    "words",
    [
        ["smallwins", "agendas", "x.xlsx"],
        ["smallwins", "summary", "x.xlsx", "--as-off", "2026-10-31"],
        ["python", "benchmarks/no_such.py"],
        ["python", "-m", "no_such_module"],
        ["streamlit", "run", "no_such_app.py"],
        ["pip", "install", "-e", ".[tests]"],
        ["smalwins", "check"],
        ["docker", "build", "-f", "deploy/NoSuchfile", "."],
    ],
)
def test_a_command_that_does_not_exist_is_caught(words):
    assert command_mistake(words)


def test_a_shell_line_is_split_into_its_commands():
    line = 'pip install -e ".[test]" && python -m pytest -n auto  # comment'
    assert commands(line) == [
        ["pip", "install", "-e", ".[test]"],
        ["python", "-m", "pytest", "-n", "auto"],
    ]
    assert commands("SMALLWINS_CONFIG=x.toml smallwins check") == [["smallwins", "check"]]


def test_ci_runs_exactly_the_readmes_test_command():
    """What the README tells a reader to run is what CI runs, word for word."""
    (command,) = [line for line in _fenced_lines(ROOT / "README.md") if "pytest" in line]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(command) for line in ci), command
    assert ci.index("ruff check .") < ci.index("ruff format --check .") < ci.index("lint-imports")


# ------------------------------------------------------------------ the README's examples run


def readme_examples() -> list[list[str]]:
    """The README's ``smallwins …`` example commands, in the order it shows them."""
    return [
        words
        for line in _fenced_lines(ROOT / "README.md")
        for words in commands(line)
        if words[0] == "smallwins"
    ]


@pytest.mark.slow
def test_the_readmes_smallwins_examples_run_as_shown_on_the_demo(tmp_path):
    """In an empty folder, as a newcomer would: ``init`` copies the demo, and every other example
    (a project it names included) works on that copy and exits 0."""
    examples = readme_examples()
    assert [words[1] for words in examples][:1] == ["init"]
    assert len(examples) >= 5
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    for words in examples:
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", *words[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (shlex.join(words), done.stdout[-2000:], done.stderr[-2000:])
        for written in re.findall(r"^wrote (\S+):", done.stdout, flags=re.MULTILINE):
            assert (tmp_path / written).is_file(), (shlex.join(words), written)
