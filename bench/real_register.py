"""The real 300k register the benchmarks measure on: Amsterdam's 247k trees plus jittered copies
(bench_import.make_300k, seed 42), imported with the `bomenplan import` command line into SQLite.
Built once from ../shared/data and kept in the temp folder; nothing of it is committed."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench_import import DATA, make_300k

ROOT = Path(__file__).resolve().parents[1]
REGISTER = Path(tempfile.gettempdir()) / "bomenplan_bench_amsterdam_300k.sqlite"


def real_300k_register() -> Path:
    """Path of the imported 300k register, building it on first use (~10 s)."""
    if REGISTER.exists():
        return REGISTER
    if not DATA.exists():
        raise SystemExit(f"{DATA} ontbreekt: de echte dataset staat in ../shared/data")
    with tempfile.TemporaryDirectory() as folder:
        _original, big = make_300k(DATA, Path(folder))
        partial = REGISTER.with_suffix(".partial.sqlite")
        partial.unlink(missing_ok=True)
        subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(big), "--db",
                        str(partial)], check=True, stdout=subprocess.DEVNULL)
        partial.replace(REGISTER)
    return REGISTER
