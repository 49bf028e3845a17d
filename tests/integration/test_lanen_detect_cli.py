"""`bomenplan lanen detect` completes when a candidate is refused, and says what it left out."""

from laan_generator import Generated, store

from bomenplan.cli.main import run_cli
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork

X0, Y0 = 230_000.0, 555_000.0


def _row(steps: list[float], y: float) -> list[tuple[float, float]]:
    x, points = X0, [(X0, y)]
    for step in steps:
        x += step
        points.append((x, y))
    return points


def test_detect_skips_a_refused_candidate_and_reports_it(tmp_path, capsys):
    # Smalle laan: median step 2.05 m but mean spacing 1.98 m (below the 2 m minimum).
    points = _row([2.05] * 5 + [1.90] * 4, Y0) + _row([8.0] * 9, Y0 + 500)
    n = len(points)
    data = {name: [""] * n for name in COLUMN_TYPES}
    data.update(id=list(range(1, n + 1)), site_id=list(range(1, n + 1)),
                x=[p[0] for p in points], y=[p[1] for p in points],
                species_name=["Tilia x europaea"] * n, status=["levend"] * n, plantjaar=[0] * n,
                stamdiameter_cm=[None] * n, straat=["Smalle laan"] * 10 + ["Brede laan"] * 10,
                boomgroep=["laanboom"] * n, beheertype=["vrij uitgroeiend"] * n,
                beleidsstatus=["geen"] * n, hoogteklasse=["onbekend"] * n,
                boomveiligheidsklasse=["onbekend"] * n)
    db = tmp_path / "register.sqlite"
    engine, sessions = open_database(db)
    store(lambda: SqlUnitOfWork(sessions), Generated(cols=RegisterColumns.from_lists(data)))
    engine.dispose()
    assert run_cli(["lanen", "detect", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["1 lanen opgeslagen als voorstel",
                   "1 kandidaten overgeslagen: plantafstand niet tussen 2 en 40 m"]
