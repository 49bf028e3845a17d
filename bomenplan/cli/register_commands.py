"""`bomenplan import` and `bomenplan export`: the register's file exchange on the command line."""

from __future__ import annotations

import argparse

from bomenplan.cli.context import (
    add_db_argument,
    discard_new_register,
    fail,
    new_register_path,
    progress_printer,
    uow_factory,
)
from bomenplan.cli.import_update_options import add_update_arguments, import_mode
from bomenplan.domain.errors import BomenplanError
from bomenplan.services.exporting import export_trees
from bomenplan.services.importing import (
    TARGET_FIELDS,
    SourceError,
    guess_mapping,
    import_trees,
    load_mapping_file,
    read_source,
    write_rejections_csv,
)

_MAPPING_HELP = (
    "JSON-bestand met de kolomkoppeling: {\"veld\": \"kolomnaam\", ...}, bijv. "
    "{\"boomnummer\": \"id\", \"species_name\": \"soortnaam\", \"x\": \"lon\", \"y\": \"lat\", "
    "\"crs\": \"EPSG:4326\"}. Genoemde velden vervangen de geraden koppeling; null wist een veld; "
    "optioneel \"crs\" en \"swap_xy\" (true/false). Velden: " + ", ".join(TARGET_FIELDS)
)


def add_commands(subparsers) -> None:
    imp = subparsers.add_parser(
        "import", help="importeer bomen uit CSV, GeoJSON, GeoPackage of Shapefile",
        description="Importeer een bomenbestand in het register. Alles of niets: bij een fout of "
                    "afbreken blijft de database ongewijzigd. Afgewezen rijen worden gemeld met "
                    "regel, veld en reden.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", help="bronbestand (.csv, .zip met CSV, .geojson, .gpkg, .shp)")
    add_db_argument(imp)
    imp.add_argument("--crs", help="coördinatenstelsel van de bron, bijv. EPSG:31467 "
                                   "(standaard: uit het bestand of geraden)")
    imp.add_argument("--mapping", help=_MAPPING_HELP)
    imp.add_argument("--report", help="schrijf de afgewezen rijen naar dit CSV-bestand")
    imp.add_argument("--delimiter", help="scheidingsteken van de CSV: ; , | of tab (standaard: herkend)")
    imp.add_argument("--encoding", help="tekencodering van de CSV (standaard: utf-8 of cp1252)")
    imp.add_argument("--grid-dir", help="map met PROJ-grids, bijv. nl_nsgi_rdtrans2018.tif")
    imp.add_argument("--layer", help="laag in een GeoPackage")
    add_update_arguments(imp)
    imp.set_defaults(func=run_import)

    exp = subparsers.add_parser("export", help="exporteer het register naar CSV, GeoJSON of GeoPackage")
    add_db_argument(exp)
    exp.add_argument("--out", required=True, help="doelbestand: .csv, .geojson (WGS84) of .gpkg (RD New)")
    exp.add_argument("--excel", action="store_true",
                     help="CSV voor Excel: ';' als scheidingsteken, decimale komma, UTF-8 met BOM")
    exp.set_defaults(func=run_export)


def run_import(args) -> int:
    try:
        delimiter = {"\\t": "\t", "tab": "\t"}.get(args.delimiter, args.delimiter)
        source = read_source(args.file, delimiter=delimiter, encoding=args.encoding,
                             layer=args.layer)
        mapping = guess_mapping(source)
        if args.mapping:
            mapping = load_mapping_file(args.mapping, base=mapping)
        _check_columns(mapping, source)
    except (SourceError, ValueError, LookupError) as exc:
        return fail(exc, 2)
    if (not args.crs and not mapping.crs and len(source.lines)
            and mapping.fields.get("x") and mapping.fields.get("y")):
        return fail(f"{args.file}: coördinatenstelsel onbekend (de x/y-waarden zijn geen RD New "
                    "en geen graden); geef --crs, bijv. --crs EPSG:31467", 2)
    created = new_register_path(args.db)
    try:
        report = import_trees(uow_factory(args.db, create=True)(), source, mapping, crs=args.crs,
                              grid_dir=args.grid_dir, progress=progress_printer("importeren"),
                              mode=import_mode(args))
    except (BomenplanError, ValueError, OSError) as exc:
        discard_new_register(created)
        return fail(f"{args.file}: {exc}; de database is niet gewijzigd", 2)
    for line in report.summary_lines():
        print(line)
    if args.report:
        write_rejections_csv(report, args.report)
        print(f"afgewezen rijen: {args.report}")
    if report.dry_run:
        discard_new_register(created)
    if report.rows_accepted == 0 and not report.dry_run:
        discard_new_register(created)
        return fail(f"{args.file}: geen enkele rij geïmporteerd")
    return 0


def _check_columns(mapping, source) -> None:
    missing = [c for c in mapping.fields.values() if c and c not in source.columns]
    if missing:
        raise ValueError(f"{source.path}: kolommen uit de koppeling ontbreken in het bestand: "
                         f"{', '.join(missing)} (aanwezig: {', '.join(source.columns)})")


def run_export(args) -> int:
    try:
        n = export_trees(uow_factory(args.db)(), args.out, excel=args.excel)
    except (ValueError, OSError) as exc:
        return fail(exc, 2)
    print(f"{n} bomen geëxporteerd naar {args.out}")
    return 0
