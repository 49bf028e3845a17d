"""A generated register around Assen (RD New) for UI tests and the GUI benchmark."""

from __future__ import annotations

import numpy as np

from bomenplan.services.import_batch import BATCH_NUMBER_FIELDS, BATCH_TEXT_FIELDS, ImportBatch

SPECIES = ("Tilia × europaea 'Pallida'", "Quercus robur", "Acer platanoides 'Emerald Queen'",
           "Fraxinus excelsior", "Betula pendula", "Carpinus betulus 'Fastigiata'",
           "Platanus × hispanica", "Fagus sylvatica", "Alnus glutinosa", "Prunus avium",
           "Sorbus aucuparia", "Aesculus hippocastanum", "Ulmus 'Columella'", "Pyrus calleryana",
           "Salix alba", "Gleditsia triacanthos", "Liquidambar styraciflua", "Malus 'Evereste'")
STATUSES = ("levend", "stobbe", "gekapt", "verplant", "leeg plantvak")
WIJKEN = ("Centrum", "Assen-Oost", "Noorderpark", "Pittelo", "Kloosterveen", "Marsdijk",
          "Lariks", "Peelo", "Baggelhuizen")
STREETS = tuple(f"{name}{suffix}" for name in ("Eiken", "Beuken", "Linden", "Kastanje", "Esdoorn",
                                                  "Berken", "Wilgen", "Populieren", "Iepen")
                for suffix in ("laan", "straat", "weg", "singel", "hof", "pad"))


def synthetic_batch(n: int, seed: int = 42) -> ImportBatch:
    rng = np.random.default_rng(seed)
    # Clustered around wijk centres so the map looks like a town, inside x 226–240 km, y 550–562 km.
    centres = np.column_stack([rng.uniform(228000, 238000, len(WIJKEN)),
                               rng.uniform(551500, 560500, len(WIJKEN))])
    wijk = rng.integers(0, len(WIJKEN), n)
    x = np.clip(centres[wijk, 0] + rng.normal(0, 1100, n), 226000, 240000).round(2)
    y = np.clip(centres[wijk, 1] + rng.normal(0, 900, n), 550000, 562000).round(2)
    weights = np.linspace(3, 0.3, len(SPECIES))
    species = rng.choice(len(SPECIES), n, p=weights / weights.sum())
    status = rng.choice(len(STATUSES), n, p=(0.9, 0.04, 0.03, 0.01, 0.02))
    text = {f: [""] * n for f in BATCH_TEXT_FIELDS}
    text["boomnummer"] = [f"AS-{i:06d}" for i in range(1, n + 1)]
    text["species_name"] = [SPECIES[i] for i in species]
    text["status"] = [STATUSES[i] for i in status]
    text["wijk"] = [WIJKEN[i] for i in wijk]
    text["straat"] = [STREETS[i] for i in rng.integers(0, len(STREETS), n)]
    text["buurt"] = [f"{WIJKEN[w]} {b}" for w, b in zip(wijk, rng.integers(1, 4, n), strict=True)]
    text["hoogteklasse"] = ["9-12 m"] * n
    text["boomveiligheidsklasse"] = ["zonder gebreken"] * n
    text["beheertype"] = ["vrij uitgroeiend"] * n
    text["beleidsstatus"] = ["geen"] * n
    text["boomgroep"] = ["laanboom"] * n
    text["eigenaar"] = ["Gemeente Assen"] * n
    numbers = {f: [None] * n for f in BATCH_NUMBER_FIELDS}
    numbers["plantjaar"] = rng.integers(1900, 2024, n).tolist()
    numbers["stamdiameter_cm"] = rng.uniform(8, 90, n).round(0).tolist()
    return ImportBatch(x=x, y=y, text=text, numbers=numbers)


def fill_register(uow_factory, n: int, seed: int = 42) -> None:
    with uow_factory() as uow:
        uow.trees.bulk_insert(synthetic_batch(n, seed))
        uow.commit()
