"""Species and tree attributes for the demo municipality: growth with age, safety, status.

Growth figures are rough, plausible values for Dutch street trees, not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.values import (
    Beleidsstatus,
    Boomveiligheidsklasse,
    height_class_from_metres,
)


@dataclass(frozen=True)
class DemoSpecies:
    name: str  # scientific name with cultivar, as a register records it
    max_height_m: float
    max_diameter_cm: float  # stem diameter reached at about 120 years
    growth_years: float  # time constant of the growth curve
    crown_ratio: float  # crown diameter / height of a mature tree


def _sp(name, height, diameter, years, crown) -> tuple[str, DemoSpecies]:
    return name, DemoSpecies(name, height, diameter, years, crown)


SPECIES: dict[str, DemoSpecies] = dict([
    _sp("Tilia × europaea", 28, 110, 45, 0.6),
    _sp("Tilia × europaea 'Pallida'", 26, 100, 45, 0.5),
    _sp("Tilia cordata 'Greenspire'", 18, 70, 40, 0.5),
    _sp("Tilia platyphyllos", 28, 110, 45, 0.65),
    _sp("Quercus robur", 28, 130, 60, 0.7),
    _sp("Quercus rubra", 25, 100, 45, 0.7),
    _sp("Quercus palustris", 22, 80, 45, 0.55),
    _sp("Fagus sylvatica", 30, 120, 55, 0.7),
    _sp("Fagus sylvatica 'Atropunicea'", 25, 110, 55, 0.75),
    _sp("Fraxinus excelsior", 28, 100, 40, 0.6),
    _sp("Fraxinus excelsior 'Westhof's Glorie'", 22, 80, 40, 0.5),
    _sp("Acer platanoides", 22, 80, 35, 0.65),
    _sp("Acer platanoides 'Emerald Queen'", 18, 70, 35, 0.6),
    _sp("Acer pseudoplatanus", 28, 100, 40, 0.65),
    _sp("Acer campestre 'Elsrijk'", 12, 50, 35, 0.6),
    _sp("Platanus × hispanica", 30, 130, 45, 0.7),
    _sp("Betula pendula", 20, 50, 25, 0.45),
    _sp("Alnus glutinosa", 20, 60, 30, 0.45),
    _sp("Carpinus betulus", 18, 60, 45, 0.6),
    _sp("Carpinus betulus 'Fastigiata'", 15, 50, 40, 0.4),
    _sp("Aesculus hippocastanum", 25, 100, 40, 0.7),
    _sp("Aesculus × carnea 'Briotii'", 15, 60, 35, 0.7),
    _sp("Prunus avium", 15, 60, 30, 0.7),
    _sp("Prunus serrulata 'Kanzan'", 8, 40, 25, 1.0),
    _sp("Sorbus aucuparia", 10, 35, 25, 0.6),
    _sp("Sorbus intermedia", 12, 45, 30, 0.7),
    _sp("Crataegus monogyna", 8, 35, 30, 0.9),
    _sp("Malus floribunda", 6, 30, 25, 0.9),
    _sp("Malus domestica", 7, 40, 30, 1.0),
    _sp("Pyrus calleryana 'Chanticleer'", 12, 40, 25, 0.4),
    _sp("Salix alba", 20, 90, 30, 0.7),
    _sp("Ulmus × hollandica 'Lobel'", 18, 60, 35, 0.35),
    _sp("Ulmus × hollandica 'Columella'", 16, 55, 35, 0.3),
    _sp("Gleditsia triacanthos 'Skyline'", 15, 55, 35, 0.7),
    _sp("Liquidambar styraciflua", 18, 60, 40, 0.5),
    _sp("Ginkgo biloba", 20, 70, 60, 0.4),
    _sp("Populus × canadensis", 30, 120, 30, 0.6),
    _sp("Populus tremula", 20, 60, 30, 0.5),
    _sp("Robinia pseudoacacia", 20, 70, 35, 0.6),
    _sp("Corylus colurna", 18, 60, 45, 0.5),
    _sp("Metasequoia glyptostroboides", 30, 90, 40, 0.3),
    _sp("Pinus sylvestris", 25, 70, 45, 0.45),
    _sp("Larix decidua", 28, 70, 40, 0.35),
])

# Species palettes per kind of place; weights give a realistic Dutch mix (lime, oak, maple lead).
STREET_OLD = {"Tilia × europaea": 6, "Quercus robur": 5, "Fraxinus excelsior": 4,
              "Acer platanoides": 4, "Acer pseudoplatanus": 3, "Aesculus hippocastanum": 3,
              "Platanus × hispanica": 3, "Quercus rubra": 2, "Tilia platyphyllos": 1,
              "Ulmus × hollandica 'Lobel'": 1}
STREET_NEW = {"Tilia cordata 'Greenspire'": 4, "Pyrus calleryana 'Chanticleer'": 3,
              "Carpinus betulus 'Fastigiata'": 3, "Acer campestre 'Elsrijk'": 3,
              "Prunus serrulata 'Kanzan'": 2, "Sorbus aucuparia": 2, "Gleditsia triacanthos 'Skyline'": 2,
              "Liquidambar styraciflua": 2, "Ulmus × hollandica 'Columella'": 1, "Quercus palustris": 2,
              "Acer platanoides 'Emerald Queen'": 2, "Fraxinus excelsior 'Westhof's Glorie'": 1,
              "Crataegus monogyna": 1, "Malus floribunda": 1, "Ginkgo biloba": 1,
              "Sorbus intermedia": 1, "Corylus colurna": 1, "Aesculus × carnea 'Briotii'": 1}
PARK = {"Quercus robur": 6, "Fagus sylvatica": 4, "Betula pendula": 5, "Alnus glutinosa": 3,
        "Acer pseudoplatanus": 3, "Carpinus betulus": 3, "Prunus avium": 2, "Salix alba": 2,
        "Pinus sylvestris": 2, "Larix decidua": 1, "Populus tremula": 1, "Sorbus aucuparia": 2,
        "Crataegus monogyna": 2, "Tilia platyphyllos": 1, "Fraxinus excelsior": 2}
SOLITARY = {"Quercus robur": 4, "Fagus sylvatica 'Atropunicea'": 2, "Tilia × europaea": 3,
            "Aesculus hippocastanum": 2, "Ginkgo biloba": 1, "Liquidambar styraciflua": 1,
            "Metasequoia glyptostroboides": 1, "Malus domestica": 2, "Prunus avium": 2,
            "Platanus × hispanica": 2, "Robinia pseudoacacia": 1, "Betula pendula": 2,
            "Salix alba": 1, "Acer platanoides": 2, "Quercus rubra": 1}


def pick_species(palette: dict[str, int], rng: np.random.Generator, count: int = 1) -> list[str]:
    names = list(palette)
    weights = np.array([palette[n] for n in names], dtype=float)
    picks = rng.choice(len(names), size=count, replace=False, p=weights / weights.sum())
    return [names[int(i)] for i in picks]


@dataclass(frozen=True)
class Measurements:
    stamdiameter_cm: float
    height_m: float
    kroondiameter_m: float

    @property
    def hoogteklasse(self) -> str:
        return str(height_class_from_metres(self.height_m))


def measure(species: str, age: int, rng: np.random.Generator) -> Measurements:
    """Stem diameter, height and crown of a tree of `age` years (planted as 16–18 cm stock)."""
    sp = SPECIES[species]
    vigour = rng.normal(1.0, 0.1)
    grown = 1.0 - np.exp(-max(age, 0) / sp.growth_years)
    diameter = 5.5 + (sp.max_diameter_cm - 5.5) * grown * vigour
    height = 3.5 + (sp.max_height_m - 3.5) * grown * rng.normal(1.0, 0.06)
    crown = max(1.0, height * sp.crown_ratio * (0.4 + 0.6 * grown))
    return Measurements(round(float(np.clip(diameter, 4.0, 250.0)), 0),
                        float(np.clip(height, 2.5, 45.0)), round(float(np.clip(crown, 1.0, 30.0)), 1))


def safety_class(species: str, age: int, rng: np.random.Generator) -> str:
    """Mostly zonder gebreken; old trees and ash (essentaksterfte) more often attentie/risico."""
    if age < 4:
        return str(Boomveiligheidsklasse.ONBEKEND) if rng.uniform() < 0.5 \
            else str(Boomveiligheidsklasse.ZONDER_GEBREKEN)
    risk = 0.015 + 0.04 * min(age, 120) / 120
    if species.startswith("Fraxinus"):
        risk += 0.08
    draw = rng.uniform()
    if draw < risk * 0.18:
        return str(Boomveiligheidsklasse.RISICOBOOM)
    if draw < risk:
        return str(Boomveiligheidsklasse.ATTENTIEBOOM)
    if draw < risk + 0.004:
        return str(Boomveiligheidsklasse.NIET_TE_BEOORDELEN)
    return str(Boomveiligheidsklasse.ZONDER_GEBREKEN)


def policy_status(age: int, diameter_cm: float, rng: np.random.Generator,
                  structural: bool = False) -> str:
    """Beleidsstatus: old big trees are monumentaal (~2 %) or waardevol (~8 %)."""
    draw = rng.uniform()
    if age >= 80 and diameter_cm >= 60 and draw < 0.10:
        return str(Beleidsstatus.MONUMENTAAL)
    if age >= 45 and diameter_cm >= 40 and draw < 0.18:
        return str(Beleidsstatus.WAARDEVOL)
    if structural:
        return str(Beleidsstatus.STRUCTUURBEPALEND)
    return str(Beleidsstatus.GEEN)


DEFECTS = ("dood hout in de kroon", "holte in de stamvoet", "zwamaantasting (Meripilus giganteus)",
           "plakoksel", "essentaksterfte", "scheefstand", "stamschade door maaier",
           "zwamaantasting (Ganoderma)", "scheur in de stam", "eenzijdige kroon")
ATTENTION_MEASURES = ("dood hout verwijderen", "kroon innemen", "herinspectie over 1 jaar",
                      "begeleidingssnoei", "stamschade laten beoordelen")
INSPECTORS = ("J. de Vries (ETT)", "M. Bakker (ETT)", "S. Jansen (ETT)", "A. Mulder")


def defects_for(klasse: str, species: str, rng: np.random.Generator) -> tuple[tuple[str, ...],
                                                                              tuple[str, ...]]:
    """Plausible defects and measures for a safety class."""
    if klasse == Boomveiligheidsklasse.ZONDER_GEBREKEN:
        return (), ()
    if species.startswith("Fraxinus") and rng.uniform() < 0.7:
        defects = ["essentaksterfte"]
    else:
        defects = [DEFECTS[int(rng.integers(len(DEFECTS)))]]
    if klasse == Boomveiligheidsklasse.RISICOBOOM:
        return tuple(defects), ("vellen",) if rng.uniform() < 0.4 else ("nader onderzoek (trekproef)",
                                                                         "kroon innemen")
    return tuple(defects), (ATTENTION_MEASURES[int(rng.integers(len(ATTENTION_MEASURES)))],)
