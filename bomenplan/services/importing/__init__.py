"""Import of tree files into the register (CSV, GeoJSON, GeoPackage, Shapefile)."""

from bomenplan.services.importing.mapping import (
    TARGET_FIELDS,
    ColumnMapping,
    guess_mapping,
    load_mapping_file,
)
from bomenplan.services.importing.report import ImportReport, Rejection, write_rejections_csv
from bomenplan.services.importing.run import import_trees
from bomenplan.services.importing.source import SourceError, SourceTable, read_source

__all__ = [
    "TARGET_FIELDS", "ColumnMapping", "ImportReport", "Rejection", "SourceError", "SourceTable",
    "guess_mapping", "import_trees", "load_mapping_file", "read_source", "write_rejections_csv",
]
