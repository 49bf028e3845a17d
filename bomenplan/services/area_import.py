"""Import buurt and wijk boundaries (CBS Wijk- en Buurtkaart as GeoPackage, GeoJSON or Shapefile,
any CRS → RD New) into the register. An import replaces all stored areas of that kind."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.areas import BUURT, WIJK, AreaBoundary
from bomenplan.domain.plan_check import PlanAreaError
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.plan_files import PLAN_SUFFIXES
from bomenplan.services.plan_files import _to_rd as to_rd_new

# Field names of the CBS Wijk- en Buurtkaart (2023+: lower case; older shapefiles: BU_NAAM …).
NAME_FIELDS = {BUURT: ("buurtnaam", "bu_naam", "naam", "name"), WIJK: ("wijknaam", "wk_naam", "naam", "name")}
CODE_FIELDS = {BUURT: ("buurtcode", "bu_code", "code"), WIJK: ("wijkcode", "wk_code", "code")}
PARENT_FIELDS = {BUURT: ("wijknaam", "wk_naam", "wijkcode", "wk_code"), WIJK: ("gemeentenaam", "gm_naam")}
MUNICIPALITY_FIELDS = ("gemeentenaam", "gm_naam")
WATER_FIELDS = ("water",)  # CBS marks pure water "buurten" with JA


def read_area_file(path: str | Path, kind: str, gemeente: str | None = None) -> tuple[list[AreaBoundary], list[str]]:
    """The file's buurten (or wijken) with name, CBS code and parent, in RD New; notes for the user."""
    path = Path(path)
    if not path.exists():
        raise PlanAreaError(f"{path}: bestand bestaat niet")
    if path.suffix.lower() not in PLAN_SUFFIXES:
        raise PlanAreaError(f"{path.name}: onbekend bestandstype (gebruik GeoJSON, GeoPackage of Shapefile)")
    import pyogrio

    notes: list[str] = []
    try:
        layer = _pick_layer(path, kind, pyogrio.list_layers(path), notes)
        meta, _fids, geometry, values = pyogrio.raw.read(path, layer=layer)
    except PlanAreaError:
        raise
    except Exception as exc:  # pyogrio/GDAL raise several types for unreadable files
        raise PlanAreaError(f"{path.name}: niet te lezen als geobestand ({exc})") from None
    fields = {str(name).lower(): column for name, column in zip(meta["fields"], values, strict=True)}
    name_field = _first(fields, NAME_FIELDS[kind])
    if name_field is None:
        raise PlanAreaError(f"{path.name}: geen veld met de naam van de {kind} (verwacht een van "
                            f"{', '.join(NAME_FIELDS[kind])})")
    keep = np.ones(len(geometry), bool)
    municipality = _first(fields, MUNICIPALITY_FIELDS)
    if gemeente:
        if municipality is None:
            raise PlanAreaError(f"{path.name}: geen veld gemeentenaam om op '{gemeente}' te kiezen")
        keep &= np.array([str(v).strip().lower() == gemeente.strip().lower() for v in fields[municipality]])
        notes.append(f"{path.name}: {int(keep.sum())} van {len(keep)} vlakken in gemeente {gemeente}")
    water = _first(fields, WATER_FIELDS)
    if water is not None:
        wet = np.array([str(v).strip().upper() == "JA" for v in fields[water]]) & keep
        if wet.any():
            notes.append(f"{path.name}: {int(wet.sum())} vlakken met water=JA overgeslagen")
        keep &= ~wet
    code_field, parent_field = _first(fields, CODE_FIELDS[kind]), _first(fields, PARENT_FIELDS[kind])
    areas, geoms = [], shapely.from_wkb(geometry)
    for row in np.flatnonzero(keep):
        geom = geoms[row]
        name = _text(fields[name_field][row])
        if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            raise PlanAreaError(f"{path.name}, rij {row + 1}: geometrie is geen vlak")
        if not name:
            raise PlanAreaError(f"{path.name}, rij {row + 1}: veld {name_field} is leeg")
        areas.append([name, _text(fields[code_field][row]) if code_field else "",
                      _text(fields[parent_field][row]) if parent_field else "", geom])
    if not areas:
        raise PlanAreaError(f"{path.name}: geen {kind}vlakken om in te lezen")
    polygons = to_rd_new(path.name, [a[3] for a in areas], meta.get("crs"), notes)
    return [AreaBoundary(kind, n, c, p, g) for (n, c, p, _old), g in zip(areas, polygons, strict=True)], notes


def within_extent(areas: list[AreaBoundary], x: np.ndarray, y: np.ndarray) -> list[AreaBoundary]:
    """The areas that hold at least one of the points (a national file → the register's municipality)."""
    if not len(x):
        return areas
    tree = shapely.STRtree([a.geometry for a in areas])
    hit = np.unique(tree.query(shapely.points(x, y), predicate="within")[1])
    return [areas[i] for i in hit]


def import_areas(uow, path: str | Path, kind: str = BUURT, gemeente: str | None = None) -> tuple[int, list[str]]:
    """Read the file and replace the stored areas of `kind`; without `gemeente` only areas holding
    trees of the register are kept. Returns (areas stored, notes)."""
    areas, notes = read_area_file(path, kind, gemeente)
    with uow:
        authorize(uow, Permission.PLANS)
        if not gemeente:
            cols = uow.trees.columns()
            before = len(areas)
            areas = within_extent(areas, cols.x, cols.y)
            if len(areas) < before:
                notes.append(f"{before - len(areas)} vlakken zonder bomen van het register overgeslagen")
            if not areas:
                raise PlanAreaError(f"{Path(path).name}: geen van de vlakken bevat bomen van het register")
        uow.areas.replace(kind, areas)
        uow.changes.record([FieldChange(f"{kind}grenzen", 0, "ingelezen", "", f"{len(areas)} vlakken",
                                        now_text(), "", Path(path).name)])
        uow.commit()
    return len(areas), notes


def load_areas(uow, kind: str = BUURT) -> list[AreaBoundary]:
    with uow:
        return uow.areas.of_kind(kind)


def _pick_layer(path: Path, kind: str, layers, notes: list[str]) -> str | None:
    if len(layers) <= 1:
        return None
    names = [str(name) for name, _kind in layers]
    wanted = "buurt" if kind == BUURT else "wijk"
    chosen = next((n for n in names if wanted in n.lower()), None)
    if chosen is None:
        polygons = [str(n) for n, k in layers if k and "Polygon" in str(k)]
        chosen = polygons[0] if polygons else names[0]
    notes.append(f"{path.name}: {len(layers)} lagen; laag '{chosen}' gebruikt")
    return chosen


def _first(fields: dict, candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in fields), None)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


__all__ = ["BUURT", "WIJK", "import_areas", "load_areas", "read_area_file", "within_extent"]
