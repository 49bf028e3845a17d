"""Benchmark: import amsterdam-247k and a 300k file made from it, with validation and
reprojection, into fresh SQLite files; compare with ogr2ogr CSV → GeoPackage when installed.

    python bench/bench_import.py [--runs 3]

Prints seconds per phase (parse, validate, transform, insert), total, rows/s and peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.importing import guess_mapping, import_trees, read_source

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "amsterdam-247k" / "amsterdam_trees.zip"
TARGET_ROWS = 300_000
JITTER_DEG = 0.0005


def make_300k(zip_path: Path, folder: Path) -> tuple[Path, Path]:
    """Unzipped original plus a 300k file: extra rows are jittered copies with new ids (seed 42)."""
    with zipfile.ZipFile(zip_path) as zf:
        raw = zf.read("amsterdam_trees.csv")
    original = folder / "amsterdam_trees.csv"
    original.write_bytes(raw)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    rng = random.Random(42)
    next_id = max(int(r[0]) for r in body) + 1
    extra = []
    for k in range(TARGET_ROWS - len(body)):
        row = list(rng.choice(body))
        row[0] = str(next_id + k)
        for col in (1, 2):
            try:
                row[col] = f"{float(row[col]) + rng.uniform(-JITTER_DEG, JITTER_DEG):.5f}"
            except ValueError:
                pass
        extra.append(row)
    big = folder / "amsterdam_300k.csv"
    with big.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        writer.writerows(extra)
    return original, big


def run_import(path: Path, db: Path) -> dict[str, float]:
    if db.exists():
        db.unlink()
    engine, sessions = open_database(db)
    t0 = time.perf_counter()
    source = read_source(path)
    t_parse = time.perf_counter() - t0
    report = import_trees(SqlUnitOfWork(sessions), source, guess_mapping(source))
    total = time.perf_counter() - t0
    engine.dispose()
    return {"parse": t_parse, **report.timings, "total": total, "rows": report.rows_read,
            "accepted": report.rows_accepted, "rejected": report.rows_rejected}


def run_ogr2ogr(csv_path: Path, folder: Path) -> float | None:
    exe = shutil.which("ogr2ogr")
    if exe is None:
        return None
    out = folder / "ogr.gpkg"
    if out.exists():
        out.unlink()
    t0 = time.perf_counter()
    subprocess.run([exe, "-f", "GPKG", str(out), str(csv_path), "-oo", "X_POSSIBLE_NAMES=latitude",
                    "-oo", "Y_POSSIBLE_NAMES=longitude", "-s_srs", "EPSG:4326",
                    "-t_srs", "EPSG:28992"], check=True, capture_output=True)
    return time.perf_counter() - t0


def bench(label: str, source: Path, ogr_input: Path, folder: Path, runs: int) -> None:
    results = [run_import(source, folder / "bench.sqlite") for _ in range(runs)]
    best = min(results, key=lambda r: r["total"])
    phases = "  ".join(f"{k} {best[k]:.2f}s" for k in ("parse", "validate", "transform", "insert"))
    totals = [r["total"] for r in results]
    print(f"{label}: {best['rows']} rows read, {best['accepted']} accepted, {best['rejected']} rejected")
    print(f"  bomenplan import  {phases}  total min {min(totals):.2f}s / median "
          f"{statistics.median(totals):.2f}s  ({best['rows'] / best['total']:,.0f} rows/s)")
    ogr = [t for t in (run_ogr2ogr(ogr_input, folder) for _ in range(runs)) if t is not None]
    if ogr:
        print(f"  ogr2ogr CSV→GPKG  min {min(ogr):.2f}s / median {statistics.median(ogr):.2f}s"
              f"  → ratio (min/min) {min(totals) / min(ogr):.2f}× (target ≤ 1.5×)")
    else:
        print("  ogr2ogr not on PATH (apt install gdal-bin) — no comparison")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make", help=argparse.SUPPRESS)  # child process: build the files
    args = parser.parse_args()
    if args.make:
        make_300k(DATA, Path(args.make))
        return 0
    if not DATA.exists():
        print(f"skipped: {DATA} not available", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # built in a child process so this process's peak RSS is the imports' own
        subprocess.run([sys.executable, __file__, "--make", str(folder)], check=True)
        original, big = folder / "amsterdam_trees.csv", folder / "amsterdam_300k.csv"
        bench("amsterdam-247k (zip)", DATA, original, folder, args.runs)
        bench("amsterdam-300k (csv)", big, big, folder, args.runs)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the importing process: {own:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
