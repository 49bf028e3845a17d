"""Read a tree file (CSV, zipped CSV, GeoJSON, GeoPackage, Shapefile) into string columns.

All attribute values arrive as pyarrow string arrays (empty string = missing), so validation can be
vectorised and text in a numeric field is reported instead of crashing the parser.
"""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

GEO_SUFFIXES = {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".gml", ".kml"}
DELIMITERS = ";,\t|"
# dBase-style headers as in Flensburg's file: "baumnummer,C,20" → "baumnummer".
_DBASE_HEADER = re.compile(r"^(.+?),[CNDLF],\d+(,\d+)?$")


class SourceError(Exception):
    """The file cannot be read at all; the message names the file."""


@dataclass
class SourceTable:
    path: Path
    columns: list[str]
    data: dict[str, pa.Array]  # column → string array (no nulls)
    lines: np.ndarray  # 1-based line (record) number of each row; header = line 1
    crs: str | None = None  # from file metadata
    geometry_xy: tuple[np.ndarray, np.ndarray] | None = None  # point geometry of geo files
    malformed: list[tuple[int, str]] = field(default_factory=list)  # (line, text) wrong field count
    encoding: str = "utf-8"
    delimiter: str | None = None

    @property
    def n_rows(self) -> int:
        """Rows read: parsed rows plus rows with the wrong number of fields."""
        return len(self.lines) + len(self.malformed)

    def column(self, name: str) -> pa.Array:
        return self.data[name]

    def preview(self, n: int = 10) -> list[list[str]]:
        m = min(n, len(self.lines))
        cols = [self.data[c].slice(0, m).to_pylist() for c in self.columns]
        return [[col[i] for col in cols] for i in range(m)]


def read_source(path, delimiter: str | None = None, encoding: str | None = None,
                layer: str | None = None) -> SourceTable:
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: bestand bestaat niet")
    try:
        if path.suffix.lower() in GEO_SUFFIXES:
            return _read_geo(path, layer)
        return _read_csv(path, _read_bytes(path), delimiter, encoding)
    except SourceError:
        raise
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: geen leesbare tekst: byte {exc.start} past niet in de "
                          f"tekencodering {_ENCODING_NAMES.get(exc.encoding, exc.encoding)}; is het een CSV-bestand? (anders "
                          "--encoding opgeven)") from exc
    except Exception as exc:  # any parser failure: name the file
        if path.suffix.lower() in GEO_SUFFIXES:
            raise SourceError(_geo_error_text(path, exc)) from exc
        raise SourceError(f"{path}: kan het bestand niet lezen ({exc})") from exc


def _geo_error_text(path: Path, exc: Exception) -> str:
    """GDAL's English message kept only as the technical detail, after a Dutch sentence."""
    kind = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage",
            ".shp": "Shapefile"}.get(path.suffix.lower(), path.suffix.lstrip(".").upper())
    detail = str(exc).split(";")[0].replace(str(path), path.name).strip()
    if "not recognized" in detail:
        return f"{path}: geen leesbaar {kind}-bestand (beschadigd, onvolledig of een ander formaat)"
    return f"{path}: {kind}-bestand kan niet worden gelezen (technische melding: {detail})"


_ENCODING_NAMES = {"charmap": "Windows-1252", "utf-8": "UTF-8"}


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not text (a renamed program, image, database …)."""
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) // 100)


def _read_bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith((".csv", ".txt"))]
            if not names:
                raise SourceError(f"{path}: het zipbestand bevat geen CSV-bestand")
            return zf.read(names[0])
    return path.read_bytes()


def detect_encoding(raw: bytes) -> str:
    """BOM → utf-8-sig; valid UTF-8 → utf-8; otherwise cp1252 (Windows exports)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = lines[0] if lines else ""
        return max(DELIMITERS, key=lambda d: len(_split_quoted(header, d)))


def _split_quoted(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def clean_header(names: list[str]) -> list[str]:
    out: list[str] = []
    for i, name in enumerate(names):
        name = name.strip().lstrip("\ufeff")
        match = _DBASE_HEADER.match(name)
        name = match.group(1) if match else name
        name = name or f"kolom_{i + 1}"
        while name in out:
            name += "_2"
        out.append(name)
    return out


def _read_csv(path: Path, raw: bytes, delimiter: str | None, encoding: str | None) -> SourceTable:
    if not raw.strip():
        raise SourceError(f"{path}: het bestand is leeg")
    if looks_binary(raw[:8192]):
        raise SourceError(f"{path}: geen tekst- of CSV-bestand (binaire inhoud); kies een CSV-, "
                          "GeoJSON-, GeoPackage- of Shapefile-bestand")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, encoding = raw[3:], encoding or "utf-8-sig"
    head_bytes = raw[:65536]
    head_bytes = head_bytes[: head_bytes.rfind(b"\n") + 1] or head_bytes
    if encoding is None and detect_encoding(head_bytes) == "cp1252":
        encoding = "cp1252"
    if encoding and encoding.lower().replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
        raw = raw.decode(encoding).encode("utf-8")
    head = raw[:65536].decode("utf-8", errors="replace")
    delimiter = delimiter or sniff_delimiter(head)
    first_line = head.splitlines()[0] if head else ""
    names = clean_header(_split_quoted(first_line, delimiter))
    if len(names) < 2:
        raise SourceError(f"{path}: geen kolommen gevonden (scheidingsteken {delimiter!r})")
    try:  # pyarrow validates UTF-8 while parsing: no separate decode of the whole file
        table, malformed = _parse(raw, names, delimiter)
        encoding = encoding or "utf-8"
    except pa.ArrowInvalid as exc:  # not UTF-8 after the first 64 kB: the whole file is cp1252
        if encoding or ("utf8" not in str(exc).lower().replace("-", "") and _is_utf8(raw)):
            raise
        encoding = "cp1252"
        table, malformed = _parse(raw.decode(encoding).encode("utf-8"), names, delimiter)
    n = table.num_rows + len(malformed)
    lines = np.arange(2, n + 2, dtype=np.int64)
    if malformed:
        lines = np.setdiff1d(lines, np.array([m[0] for m in malformed], dtype=np.int64))
    data = {name: _strip(table.column(name).combine_chunks()) for name in names}
    blank = np.logical_and.reduce([pc.equal(a, "").to_numpy(zero_copy_only=False)
                                   for a in data.values()])
    if blank.any():  # blank lines are no rows, but they do count for line numbers
        keep = pa.array(~blank)
        data = {name: pc.filter(a, keep) for name, a in data.items()}
        lines = lines[~blank]
    return SourceTable(path=path, columns=names, data=data, lines=lines, malformed=malformed,
                       encoding=encoding, delimiter=delimiter)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse(raw: bytes, names: list[str], delimiter: str) -> tuple[pa.Table, list[tuple[int, str]]]:
    malformed: list[tuple[int, str]] = []

    def on_invalid(row) -> str:
        malformed.append((row.number or 0, row.text))
        return "skip"

    table = pacsv.read_csv(
        pa.BufferReader(raw),
        read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, use_threads=False,
                                       block_size=1 << 24),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, invalid_row_handler=on_invalid,
                                         ignore_empty_lines=False),  # keep line numbers exact
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False),
    )
    return table, malformed


def _strip(arr: pa.Array) -> pa.Array:
    """Trimmed text; a quote our own exports put before = + - @ (formula guard) is removed,
    so an exported register imports unchanged ('t Veld keeps its apostrophe)."""
    trimmed = pc.utf8_trim_whitespace(pc.fill_null(arr, ""))
    return pc.replace_substring_regex(trimmed, r"^'([=+\-@\t\r])", r"\1")


def _data_layer(path: Path) -> str | None:
    """The first layer that holds data: a GeoPackage exported with QGIS styles also has the
    standard `layer_styles` table, which is no register."""
    import pyogrio

    names = [str(row[0]) for row in pyogrio.list_layers(path)]
    data = [n for n in names if n != "layer_styles"]
    return data[0] if len(names) > 1 and data else None


def _read_geo(path: Path, layer: str | None) -> SourceTable:
    import pyogrio
    import shapely

    from bomenplan.services.importing.points import representative_xy

    meta, table = pyogrio.read_arrow(path, layer=layer or _data_layer(path))
    crs = meta.get("crs")
    geom_name = meta.get("geometry_name") or "wkb_geometry"
    names = [c for c in table.column_names if c != geom_name]
    data = {n: _as_text(table.column(n).combine_chunks()) for n in names}
    geometry_xy = None
    if geom_name in table.column_names:
        geoms = shapely.from_wkb(np.asarray(table.column(geom_name).to_pylist(), dtype=object),
                                 on_invalid="ignore")
        geometry_xy = representative_xy(geoms)
    clean = clean_header(names)
    data = {new: data[old] for old, new in zip(names, clean, strict=True)}
    return SourceTable(path=path, columns=clean, data=data,
                       lines=np.arange(1, table.num_rows + 1, dtype=np.int64), crs=crs,
                       geometry_xy=geometry_xy)


def _as_text(arr: pa.Array) -> pa.Array:
    """Any attribute column as text; whole floats print without '.0' (ELEMENTNR 1080.0 → 1080)."""
    if pa.types.is_floating(arr.type):
        values = arr.to_numpy(zero_copy_only=False)
        finite = np.isfinite(values)
        whole = finite & (np.mod(np.where(finite, values, 0), 1) == 0)
        text = [("" if not f else str(int(v)) if w else repr(float(v)))
                for v, f, w in zip(values.tolist(), finite.tolist(), whole.tolist(), strict=True)]
        return pa.array(text, pa.string())
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        arr = pc.cast(arr, pa.string())
    return _strip(arr.cast(pa.string()))
