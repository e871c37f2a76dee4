"""YAML reading that remembers where every value came from.

`tomllib` and `yaml.safe_load` give line numbers for syntax errors only. A legal
officer editing a checklist needs "line 142, sections[2].items[4].rule.max" for
a value that is wrong, so we compose the YAML node tree ourselves and keep a
map from each value's path to its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

PathKey = tuple[str | int, ...]


class SourceError(Exception):
    """A rule file that cannot be read or is not valid YAML."""

    def __init__(self, file: Path, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else str(file)
        super().__init__(f"{where}: {message}")


@dataclass
class Located:
    """A parsed YAML document plus the line of every value in it (1-based)."""

    file: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        key: PathKey = tuple(loc)
        while True:
            if key in self.lines:
                return self.lines[key]
            if not key:
                return None
            key = key[:-1]


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (a silent overwrite hides an item)."""


def _construct(node: yaml.Node, loader: _Loader, path: PathKey, lines: dict[PathKey, int], file: Path) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise SourceError(file, key_node.start_mark.line + 1, f"a key must be text, not {key!r}")
            if key in out:
                raise SourceError(file, key_node.start_mark.line + 1, f"key '{key}' appears twice in the same block")
            skey = str(key)
            out[skey] = _construct(value_node, loader, (*path, skey), lines, file)
            # a key's own line is more useful than its value's for block values
            lines[(*path, skey)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, loader, (*path, i), lines, file) for i, v in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_yaml(file: Path) -> Located:
    """Read one YAML file into plain Python values with a line map.

    Raises:
        SourceError: the file cannot be read, is not UTF-8, or is not valid YAML.
    """
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(file, None, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise SourceError(file, None, f"cannot read: {exc.strerror or exc}") from exc
    return load_yaml_text(text, file)


def load_yaml_text(text: str, file: Path) -> Located:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[PathKey, int] = {}
        data = None if node is None else _construct(node, loader, (), lines, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SourceError(file, line, f"not valid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise SourceError(file, None, f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return Located(file=file, data=data, lines=lines)


def format_loc(loc: Iterable[str | int]) -> str:
    """('sections', 2, 'items', 4, 'rule') -> 'sections[2].items[4].rule'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def validation_faults(src: Located, exc: ValidationError) -> list[tuple[int | None, str, str]]:
    """(line, field path, message) for each fault pydantic found in a file read with `load_yaml`.

    A validator that raises `LocatedValueError` points below the field it validates; pydantic's
    "Value error, " prefix is dropped and a forbidden extra key is called what it usually is.
    """
    from review_tool.domain.errors import LocatedValueError

    out: list[tuple[int | None, str, str]] = []
    for err in exc.errors():
        loc: tuple[Any, ...] = tuple(err["loc"])
        inner = err.get("ctx", {}).get("error")
        if isinstance(inner, LocatedValueError):
            loc = loc + tuple(inner.loc)
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (misspelt?)"
        out.append((src.line_of(loc), format_loc(loc), msg))
    return out
