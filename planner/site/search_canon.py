"""Make Pagefind's index the same bytes for the same pages (a build is deterministic).

Pagefind 1.5 writes its word index and page fragments deterministically, but its filter files
list the values of a filter in hash-map order, which changes from run to run, and so do the
names (content hashes) of those files, the metadata file that names them and
``pagefind-entry.json``. This module rewrites just those: each filter's values sorted, files
renamed after their new content, the references updated. The files are gzip-compressed CBOR
behind a ``pagefind_dcd`` signature; only the CBOR Pagefind writes (whole numbers, strings,
arrays, maps, simple values) is read and written back, in its shortest form as Pagefind does.

>>> decode(encode(["theme", [["b", [2]], ["a", [1, 300]]]]))
['theme', [['b', [2]], ['a', [1, 300]]]]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from typing import Any

SIGNATURE = b"pagefind_dcd"
_FILTER = re.compile(r"^(?P<dir>.*/filter/)(?P<hash>[a-z-]+_[0-9a-f]+)\.pf_filter$")
_META = re.compile(r"^(?P<dir>.*/)pagefind\.(?P<hash>[a-z-]+_[0-9a-f]+)\.pf_meta$")


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def _take(self, n: int) -> bytes:
        chunk = self.data[self.at : self.at + n]
        self.at += n
        return chunk

    def _argument(self, info: int) -> int:
        if info < 24:
            return info
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        return int.from_bytes(self._take(size), "big")

    def item(self) -> Any:
        head = self._take(1)[0]
        major, info = head >> 5, head & 31
        if major == 7:
            return {20: False, 21: True, 22: None}[info]
        n = self._argument(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - n
        if major == 2:
            return self._take(n)
        if major == 3:
            return self._take(n).decode("utf-8")
        if major == 4:
            return [self.item() for _ in range(n)]
        if major == 5:
            return {self.item(): self.item() for _ in range(n)}
        raise ValueError(f"CBOR major type {major} is not used by Pagefind")


def decode(data: bytes) -> Any:
    """One CBOR item."""
    return _Reader(data).item()


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(f"number too large for CBOR: {n}")


def encode(value: Any) -> bytes:
    """One CBOR item, in shortest form."""
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def _read(blob: bytes) -> Any:
    data = gzip.decompress(blob)
    if not data.startswith(SIGNATURE):
        raise ValueError("not a Pagefind file")
    return decode(data[len(SIGNATURE) :])


def _write(value: Any) -> bytes:
    return gzip.compress(SIGNATURE + encode(value), mtime=0)


def _named(lang_hash: str, blob: bytes, digits: int) -> str:
    lang = lang_hash.rsplit("_", 1)[0]
    return f"{lang}_{hashlib.sha256(blob).hexdigest()[:digits]}"


def _replace(value: Any, names: dict[str, str]) -> Any:
    """`value` with every string that is an old file name replaced, and lists of [filter, file] sorted."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        found = [_replace(v, names) for v in value]
        pairs = all(isinstance(v, list) and len(v) == 2 and v[1] in names.values() for v in found)
        return sorted(found) if found and pairs else found
    return value


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's output files (``{path: bytes}``) rewritten so that the same pages give the same bytes."""
    out = dict(files)
    names: dict[str, str] = {}
    for path in sorted(files):
        match = _FILTER.match(path)
        if not match:
            continue
        name, values = _read(files[path])
        blob = _write([name, sorted(values, key=lambda pair: pair[0])])
        new = _named(match["hash"], blob, len(match["hash"].rsplit("_", 1)[1]))
        names[match["hash"]] = new
        del out[path]
        out[f"{match['dir']}{new}.pf_filter"] = blob
    metas: dict[str, str] = {}
    for path in sorted(files):
        match = _META.match(path)
        if not match:
            continue
        blob = _write(_replace(_read(files[path]), names))
        new = _named(match["hash"], blob, len(match["hash"].rsplit("_", 1)[1]))
        metas[match["hash"]] = new
        del out[path]
        out[f"{match['dir']}pagefind.{new}.pf_meta"] = blob
    for path in [p for p in out if p.endswith("pagefind-entry.json")]:
        entry = json.loads(out[path])
        for language in entry.get("languages", {}).values():
            language["hash"] = metas.get(language["hash"], language["hash"])
        out[path] = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return dict(sorted(out.items()))
