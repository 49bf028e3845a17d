"""The map of the demo municipality "Bomenstad", modelled on Assen (RD New, x≈233000 y≈557000).

Nine wijken with Assen's names, each a 3 × 3 grid of 400 m cells holding streets, a park and
solitary trees, plus the named lanen of the hoofdbomenstructuur (Groenvisie Assen §3.6, §4.1):
the Hoofdlaan in the Asserbos (old beech and oak, ≥ 25 trees missing, small replacements),
the lime trees of the Nobellaan and the monumental trees of the Brink.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from shapely.geometry import LineString, Polygon

from bomenplan.services.demo_layout import LaanSpec, curved_line, rotate
from bomenplan.services.demo_trees import STREET_NEW, STREET_OLD, pick_species

CELL_M = 400.0


@dataclass(frozen=True)
class Wijk:
    name: str
    centre: tuple[float, float]
    angle_deg: float  # main street direction
    built: tuple[int, int]  # years the wijk's streets were planted
    modern_share: float  # share of streets with the modern (smaller) street tree palette
    buurten: tuple[str, str, str]  # south, middle, north row of cells
    streets: tuple[str, ...]


WIJKEN = (
    Wijk("Centrum", (233200, 557000), 4, (1900, 1960), 0.1, ("Veemarkt", "Binnenstad", "Rode Heuvel"),
         ("Oudestraat", "Gedempte Singel", "Zuidersingel", "Oostersingel", "Collardslaan",
          "Stationsstraat", "Kloosterstraat", "Torenstraat", "Groningerstraat", "Witterstraat",
          "Markt", "Kerkstraat", "Kruisstraat", "Singelpassage", "Weiersstraat", "Kortestraat",
          "Nieuwe Huizen", "Bleekveld", "Javastraat", "Prinses Julianastraat", "Minervalaan")),
    Wijk("Noord", (233200, 558600), -6, (1925, 1965), 0.2, ("Noorderpark", "Schildersbuurt", "Lariksbos"),
         ("Rolderstraat", "Noordersingel", "Troelstralaan", "Nassaulaan", "Van Lierstraat",
          "Groen van Prinstererlaan", "Julianastraat", "Wilhelminastraat", "Parkstraat",
          "Rembrandtlaan", "Vermeerstraat", "Mesdaglaan", "Israëlsstraat", "Jan Steenstraat",
          "Marisstraat", "Frans Halsstraat", "Van Goghstraat", "Breitnerlaan", "Talmastraat")),
    Wijk("Oost", (234900, 557200), 10, (1950, 1975), 0.3, ("Bosbad", "Oosterpark", "Europaweg-Oost"),
         ("Philipsweg", "Lorentzstraat", "Huygensstraat", "Kamerlingh Onneslaan", "Einsteinstraat",
          "Zernikestraat", "Van 't Hofflaan", "Debyestraat", "Ehrenfeststraat", "Keesomlaan",
          "Van der Waalsstraat", "Eijkmanstraat", "Zeemanlaan", "Bosbadweg", "Oosterhoutstraat",
          "Diepstraat", "Anreperstraat", "Rietveldstraat", "Buitenhof")),
    Wijk("Pittelo", (234800, 555500), -3, (1965, 1985), 0.4, ("Pittelo-Zuid", "Heidepark", "Pittelo-Noord"),
         ("Pittelostraat", "Fabriciusstraat", "Ericalaan", "Heidebloemstraat", "Pimpernelweg",
          "Bremstraat", "Gentiaanstraat", "Stuifzandlaan", "Jeneverbeslaan", "Dopheidestraat",
          "Veenpluisstraat", "Zonnedauwstraat", "Kraaiheidestraat", "Beenbreekstraat",
          "Wollegrasstraat", "Klokjesstraat", "Varenstraat", "Mosstraat", "Heidelaan")),
    Wijk("Assen-West", (231500, 557000), 8, (1955, 1975), 0.3, ("Vredeveld", "Planetenbuurt", "Westerpark"),
         ("Mercuriusstraat", "Saturnusstraat", "Jupiterlaan", "Venuslaan", "Plutostraat", "Marslaan",
          "Orionstraat", "Polluxstraat", "Castorstraat", "Siriuslaan", "Vegastraat", "Neptunusstraat",
          "Uranusstraat", "Zonnelaan", "Maanstraat", "Kometenlaan", "Vredeveldseweg",
          "Westerstraat", "Poolsterstraat")),
    Wijk("Lariks", (231600, 555300), -8, (1970, 1990), 0.4, ("Lariks-Zuid", "Bomenbuurt", "Lariks-Noord"),
         ("Larikslaan", "Dennenlaan", "Sparrenlaan", "Berkenlaan", "Eikenlaan", "Beukenlaan",
          "Elzenlaan", "Wilgenlaan", "Esdoornstraat", "Iepenstraat", "Populierenlaan",
          "Kastanjelaan", "Lindestraat", "Hazelaarstraat", "Meidoornstraat", "Vlierstraat",
          "Taxusstraat", "Hulststraat", "Cederlaan")),
    Wijk("Marsdijk", (232300, 560300), 12, (1985, 2002), 0.6, ("De Landjes", "Vogelbuurt", "Marsdijk-Noord"),
         ("Marsdijk", "Heidestraat", "Valkenlaan", "Uilenlaan", "Havikstraat", "Buizerdstraat",
          "Sperwerstraat", "Merelstraat", "Lijsterlaan", "Spreeuwstraat", "Kwartellaan",
          "Patrijsstraat", "Fazantstraat", "Koekoekstraat", "Wielewaalstraat", "Nachtegaallaan",
          "Roodborststraat", "Winterkoninglaan", "Zanglijsterstraat")),
    Wijk("Kloosterveen", (229700, 558600), -5, (2000, 2022), 0.85,
         ("Maatlanden", "Kloosterveste", "Veenhof"),
         ("Kloosterwijk", "Veenhofstraat", "Maatlandenweg", "Kloostergang", "Pijlkruidstraat",
          "Lisdoddelaan", "Waterleliestraat", "Kalmoesstraat", "Dotterbloemlaan", "Zwanebloemstraat",
          "Kikkerbeetstraat", "Waterviolierstraat", "Fonteinkruidlaan", "Holpijpstraat",
          "Moerasvaren", "Egelskopstraat", "Watermunt", "Kattenstaartlaan", "Kloosterveenweg")),
    Wijk("Peelo", (234400, 560000), 6, (1975, 1992), 0.5, ("Peelo-Zuid", "Vogelzang", "Peelo-Noord"),
         ("Peelerstraat", "Meeuwenlaan", "Reigerlaan", "Zwanenlaan", "IJsvogelstraat",
          "Kievitstraat", "Gruttostraat", "Tureluurlaan", "Scholeksterstraat", "Wulpstraat",
          "Kemphaanstraat", "Plevierlaan", "Strandloperstraat", "Futenlaan", "Aalscholverstraat",
          "Lepelaarstraat", "Roerdomplaan", "Oeverloperstraat", "Peelerweg")),
)

# The Hoofdlaan in the Asserbos: beech and oak planted about 1900; at least 25 trees missing.
HOOFDLAAN = LaanSpec(
    straat="Hoofdlaan", wijk="Centrum", buurt="Asserbos",
    centre=LineString([(233200, 554900), (233220, 556200)]), spacing_m=9.0, two_sided=True,
    half_width_m=5.0, species=("Fagus sylvatica", "Quercus robur"), plantjaar=1900,
    gap_fraction=0.09, min_gaps=30, replacement_fraction=0.05, hoofdbomenstructuur=True)


def named_lanen() -> list[LaanSpec]:
    """The hoofdbomenstructuur: lanen along the main roads and waters of the town."""
    def spec(straat, wijk, buurt, centre, spacing, two_sided, half_width, species, year, **kw):
        return LaanSpec(straat, wijk, buurt, centre, spacing, two_sided, half_width, species, year,
                        hoofdbomenstructuur=True, **kw)

    return [
        HOOFDLAAN,
        spec("Nobellaan", "Oost", "Rode Heuvel", LineString([(234050, 556300), (234050, 557800)]),
             10.0, True, 7.0, ("Tilia × europaea",), 1928, gap_fraction=0.02),
        spec("Torenlaan", "Noord", "Lariksbos", curved_line((232950, 559300), (233750, 559300), 12),
             11.0, True, 7.0, ("Tilia × europaea 'Pallida'", "Aesculus hippocastanum"), 1935,
             gap_fraction=0.05),
        spec("Vaart", "Centrum", "Binnenstad", curved_line((232600, 557800), (233800, 557780), -8),
             10.0, True, 14.0, ("Ulmus × hollandica 'Lobel'",), 1996, gap_fraction=0.03),
        spec("Kanaalweg", "Assen-West", "Vredeveld", LineString([(232350, 555800), (232350, 558400)]),
             12.0, False, 8.0, ("Populus × canadensis",), 1962, gap_fraction=0.07),
        spec("Beilerstraat", "Lariks", "Lariks-Noord", curved_line((230900, 556150), (232250, 556150), 20),
             11.0, True, 6.0, ("Quercus robur", "Quercus rubra", "Acer pseudoplatanus"), 1958,
             gap_fraction=0.05),
    ]


def brink() -> LaanSpec:
    """The Brink: a ring of monumental oaks and limes around the square in the centre."""
    ring = Polygon([(233130, 556955), (233270, 556955), (233270, 557045), (233130, 557045)]).exterior
    return LaanSpec("Brink", "Centrum", "Binnenstad", LineString(ring.coords), 12.0, False, 0.0,
                    ("Quercus robur", "Tilia × europaea"), 1870, gap_fraction=0.03,
                    replacement_fraction=0.05, hoofdbomenstructuur=True,
                    extra={"monumental": True})


@dataclass(frozen=True)
class CellPlan:
    kind: str  # "straten", "park", "solitair", "leeg", "brink"
    centre: tuple[float, float]
    buurt: str


def wijk_cells(wijk: Wijk, rng: np.random.Generator) -> list[CellPlan]:
    """Assign a kind to each of the 3 × 3 cells of a wijk: one park, one solitary, one quiet."""
    kinds = ["straten"] * 6 + ["park", "solitair", "leeg"]
    order = rng.permutation(9)
    cells = []
    for n, slot in enumerate(order):
        row, col = divmod(int(slot), 3)
        local = np.array([[(col - 1) * CELL_M + wijk.centre[0], (row - 1) * CELL_M + wijk.centre[1]]])
        x, y = rotate(local, wijk.angle_deg, wijk.centre)[0]
        kind = kinds[n]
        if wijk.name == "Centrum" and (row, col) == (1, 1):
            kind = "brink"
        cells.append(CellPlan(kind, (float(x), float(y)), wijk.buurten[row]))
    return cells


def cell_streets(wijk: Wijk, cell: CellPlan, names: list[str],
                 rng: np.random.Generator) -> list[LaanSpec]:
    """Three parallel streets (straight or gently curved) in a 400 m cell."""
    lanen = []
    # Some blocks run across the wijk's main direction, so the streets form a street pattern.
    angle = wijk.angle_deg + rng.uniform(-4, 4) + (90.0 if rng.uniform() < 0.4 else 0.0)
    for offset in (-130.0, 0.0, 130.0):
        half_length = rng.uniform(135, 165)
        bulge = 0.0 if rng.uniform() < 0.6 else rng.choice([-1, 1]) * rng.uniform(8, 25)
        cx, cy = cell.centre
        ends = rotate(np.array([[cx - half_length, cy + offset], [cx + half_length, cy + offset]]),
                      angle, cell.centre)
        centre = curved_line(tuple(ends[0]), tuple(ends[1]), float(bulge))
        modern = rng.uniform() < wijk.modern_share
        palette = STREET_NEW if modern else STREET_OLD
        mixed = rng.uniform() < 0.25
        species = tuple(pick_species(palette, rng, int(rng.integers(2, 4)) if mixed else 1))
        year = int(rng.integers(1990, 2016)) if modern and wijk.built[1] < 1990 \
            else int(rng.integers(wijk.built[0], wijk.built[1] + 1))
        two_sided = rng.uniform() < 0.55
        lanen.append(LaanSpec(
            straat=names.pop(0), wijk=wijk.name, buurt=cell.buurt, centre=centre,
            spacing_m=float(rng.choice([8.0, 9.0, 10.0, 11.0, 12.0])), two_sided=two_sided,
            half_width_m=float(rng.uniform(5, 9)) if two_sided else 4.0, species=species,
            plantjaar=year, gap_fraction=float(rng.choice([0.0, 0.02, 0.04, 0.08])),
            replacement_fraction=0.03))
    return lanen
