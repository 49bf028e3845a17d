"""Colours of the tree map, shared by the map (ui/views/map_palette.py) and the QGIS styles
written into exported GeoPackages (services/qgis_styles.py), so both show the same map."""

from __future__ import annotations

from bomenplan.domain.base_map import GEBOUWEN, GROEN, WATER, WEGEN
from bomenplan.domain.laan_quality import LaanKwaliteit
from bomenplan.domain.values import TreeStatus

GENUS_COLOURS = ("#2e7d32", "#e65100", "#5e35b1", "#c2185b", "#0277bd", "#f9a825",
                 "#6d4c41", "#00897b", "#7cb342", "#ef5350", "#3949ab", "#26c6da")
OTHER_COLOUR = "#9e9e9e"
STATUS_COLOURS = {
    TreeStatus.LEVEND: "#2e7d32", TreeStatus.STOBBE: "#8d6e63", TreeStatus.GEKAPT: "#d32f2f",
    TreeStatus.VERPLANT: "#1976d2", TreeStatus.LEEG_PLANTVAK: "#b0bec5",
}
GAP_COLOUR = "#d50000"
# lanen by quality: the lanen map layer, the lanen table and the QGIS style of the lanen export
KWALITEIT_COLOURS = {LaanKwaliteit.GOED: "#2e9d43", LaanKwaliteit.MATIG: "#e69a18",
                     LaanKwaliteit.SLECHT: "#d7301f"}
# the base map (ondergrond): (fill, outline) per layer, after the BRT-Achtergrondkaart, muted so
# the trees stand out; the app's map (ui/features/base_map.py) and the printed Bomenplan map
BASE_MAP_COLOURS = {GROEN: ("#c8e3b0", "#a6cc8a"), WATER: ("#a9d2e8", "#78aecb"),
                    WEGEN: ("#ffffff", "#b3a893"), GEBOUWEN: ("#d2bfab", "#ad9580")}
LAND_COLOUR = "#ebe7dd"  # between the polygons (land, gardens)
