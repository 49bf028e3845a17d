"""Column mapping: which source column feeds which tree field; guessed from header names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from bomenplan.domain.tree import RD_BOUNDS

TARGET_FIELDS = (
    "boomnummer", "species_name", "dutch_name", "x", "y", "wkt", "plantjaar", "hoogteklasse",
    "stamdiameter_cm", "stamomtrek_cm", "kroondiameter_m", "boomveiligheidsklasse", "beheertype",
    "status", "omgevingsrisicoklasse", "beleidsstatus", "boomgroep", "eigenaar", "beheerder", "straat",
    "wijk", "buurt", "opmerkingen", "nvtb_waarde_eur",
)

# Normalised header names (lower case, letters and digits only), best first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "boomnummer": ("boomnummer", "boomnr", "baumnummer", "baumnr", "treenumber", "treeid",
                   "elementnr", "elementnummer", "objectnummer", "nummer", "nr", "id", "fid"),
    "species_name": ("soortnaamwts", "wetenschappelijkenaam", "latijnsenaam", "soortnaam",
                     "boomsoort", "scientificname", "species", "galang", "gattungart", "baumart",
                     "art", "soort", "taxon"),
    "dutch_name": ("soortnaamnl", "nederlandsenaam", "dutchname", "naamnl", "deutschername"),
    "x": ("x", "xcoord", "xcoordinaat", "rechtswert", "easting", "lng", "lon", "long", "longitude",
          "lengtegraad", "laenge"),
    "y": ("y", "ycoord", "ycoordinaat", "hochwert", "northing", "lat", "latitude", "breedtegraad",
          "breite"),
    "wkt": ("wktlnglat", "wkt", "geometrie", "geometry", "geom", "thegeom"),
    "plantjaar": ("plantjaar", "jaarvanaanleg", "aanlegjaar", "pflanzjahr", "plantingyear",
                  "yearplanted", "plantyear", "jaar", "year"),
    "hoogteklasse": ("boomhoogteklasseactueel", "boomhoogteklasse", "hoogteklasse", "boomhoogte",
                     "heightclass"),
    "stamdiameter_cm": ("stamdiameter", "stamdiametercm", "diameter", "dbh", "stammdurchmesser",
                        "trunkdiameter"),
    "stamomtrek_cm": ("stamomtrek", "stamomtrekcm", "omtrek", "stammumfang", "circumference"),
    "kroondiameter_m": ("kroondiameter", "kroondiameterm", "kronendurchmesser", "crowndiameter"),
    "boomveiligheidsklasse": ("boomveiligheidsklasse", "veiligheidsklasse"),
    "omgevingsrisicoklasse": ("omgevingsrisicoklasse", "omgevingsrisico", "risicoklasseomgeving"),
    "beheertype": ("typeobject", "beheertype", "boomtype", "snoeivorm"),
    "status": ("status", "boomstatus", "toestand"),
    # Not "standplaats": registers use it for the ground (gras, verharding), not the grouping.
    "boomgroep": ("boomgroep", "plantwijze", "plantverband", "groepering"),
    "beleidsstatus": ("beleidsstatus", "beschermingsstatus", "monumentstatus"),
    "eigenaar": ("eigenaar", "typeeigenaarplus", "owner", "eigentuemer", "eigentumer"),
    "beheerder": ("beheerder", "typebeheerderplus", "manager", "beheer"),
    "straat": ("straat", "straatnaam", "openbareruimte", "strasse", "street"),
    "wijk": ("wijk", "stadsdeel", "district", "stadtteil"),
    "buurt": ("buurt", "buurtnaam", "neighbourhood"),
    "nvtb_waarde_eur": ("nvtb", "nvtbwaarde", "nvtbwaardeeur", "boomwaarde", "monetaireboomwaarde"),
    "opmerkingen": ("opmerkingen", "opmerking", "opmerkinge", "bemerkung", "notes", "remarks",
                    "comment"),
}
_LONLAT_NAMES = {"lng", "lon", "long", "longitude", "lengtegraad", "laenge", "lat", "latitude",
                 "breedtegraad", "breite"}
_BELEID_WORDS = ("monument", "waardevol", "gedenk")


@dataclass
class ColumnMapping:
    fields: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(TARGET_FIELDS))
    crs: str | None = None
    swap_xy: bool = False  # force a swap; a swap is also detected automatically

    def source_of(self, target: str) -> str | None:
        return self.fields.get(target)

    def updated(self, overrides: dict) -> ColumnMapping:
        fields = dict(self.fields)
        crs, swap = self.crs, self.swap_xy
        for key, value in overrides.items():
            if key == "crs":
                crs = value
            elif key == "swap_xy":
                swap = bool(value)
            elif key in TARGET_FIELDS:
                fields[key] = value or None
            else:
                raise ValueError(f"onbekend veld in koppeling: {key!r} (kies uit {', '.join(TARGET_FIELDS)})")
        return ColumnMapping(fields, crs, swap)


def normalize_header(name: str) -> str:
    text = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]", "", text)


def guess_mapping(source) -> ColumnMapping:
    by_norm: dict[str, str] = {}
    for col in source.columns:
        by_norm.setdefault(normalize_header(col), col)
    fields: dict[str, str | None] = dict.fromkeys(TARGET_FIELDS)
    used: set[str] = set()
    for target, names in SYNONYMS.items():
        for name in (normalize_header(target), *names):  # own export headers first
            col = by_norm.get(name)
            if col is not None and col not in used:
                fields[target] = col
                used.add(col)
                break
    if fields["x"] and fields["y"]:
        fields["wkt"] = None
    if fields["status"] and _looks_like_beleidsstatus(source, fields["status"]):
        fields["beleidsstatus"], fields["status"] = fields["status"], None
    return ColumnMapping(fields, _guess_crs(source, fields), False)


def _looks_like_beleidsstatus(source, column: str) -> bool:
    values = [v.lower() for v in source.column(column).slice(0, 200).to_pylist() if v]
    return bool(values) and sum(any(w in v for w in _BELEID_WORDS) for v in values) > len(values) / 2


GAUSS_KRUEGER_EPSG = {2: "EPSG:31466", 3: "EPSG:31467", 4: "EPSG:31468", 5: "EPSG:31469"}


def _guess_crs(source, fields: dict) -> str | None:
    if source.crs:
        return source.crs
    if fields["wkt"] and not fields["x"]:
        return "EPSG:4326"
    x_col, y_col = fields["x"], fields["y"]
    if not (x_col and y_col):
        return None
    if normalize_header(x_col) in _LONLAT_NAMES:
        return "EPSG:4326"
    xs = _sample_numbers(source, x_col)
    ys = _sample_numbers(source, y_col)
    if not xs or not ys:
        return None
    mx, my = sorted(xs)[len(xs) // 2], sorted(ys)[len(ys) // 2]
    xmin, ymin, xmax, ymax = RD_BOUNDS
    if xmin <= mx <= xmax and ymin <= my <= ymax:
        return "EPSG:28992"
    if abs(mx) <= 180 and abs(my) <= 90:
        return "EPSG:4326"
    return _guess_german_crs(mx, my)


def _guess_german_crs(mx: float, my: float) -> str | None:
    """Gauss-Krüger (x carries the zone as millions) or UTM 32N by the medians; else unknown
    (None): the dialog and the CLI then ask for the CRS instead of assuming RD New."""
    if not 5.2e6 <= my <= 6.2e6:
        return None
    zone, easting = divmod(mx, 1e6)
    if 2 <= zone <= 5 and 0.2e6 <= easting <= 0.8e6:
        return GAUSS_KRUEGER_EPSG[int(zone)]
    if 0.2e6 <= mx <= 0.8e6:
        return "EPSG:25832"  # ETRS89 / UTM zone 32N (most of Germany)
    return None


def _sample_numbers(source, column: str) -> list[float]:
    out = []
    for v in source.column(column).slice(0, 200).to_pylist():
        try:
            out.append(float(v.replace(",", ".")))
        except ValueError:
            continue
    return out


def load_mapping_file(path, base: ColumnMapping | None = None) -> ColumnMapping:
    """Read a JSON mapping {"boomnummer": "id", "x": "lon", ..., "crs": "EPSG:4326"}.

    Fields in the file override `base` (e.g. the guessed mapping); null clears a field.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: koppelingsbestand onleesbaar ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: verwacht een JSON-object {{\"veld\": \"kolom\"}}")
    return (base or ColumnMapping()).updated(data)
