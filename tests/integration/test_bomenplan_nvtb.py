"""NVTB value per tree: stored as whole cents, wins over the VVOG estimate in the report's value per
wijk (DOMAIN.md §2), counted in the report; the VVOG unit price is a setting (--eenheidsprijs)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from shapely.geometry import Point

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.reports.bomenplan_report import write_bomenplan
from bomenplan.services import register
from bomenplan.services.bomenplan_report import Scope, assemble
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

ON = date(2026, 11, 30)


def _tree(i: int, **more) -> Tree:
    return Tree(id=None, boomnummer=f"N{i}", site_id=None, position=Point(233000.0 + 9 * i, 557000.0),
                species_name="Quercus robur", straat="Brink", wijk="Centrum", buurt="Binnenstad", **more)


@pytest.fixture
def appraised(uow_factory):
    """Centrum: two oaks of 40 cm without NVTB value, one oak of 40 cm appraised at € 4.250,00 and
    one oak without a diameter appraised at € 1.000,00."""
    for t in (_tree(0, stamdiameter_cm=40), _tree(1, stamdiameter_cm=40),
              _tree(2, stamdiameter_cm=40, nvtb_waarde_eur=Decimal("4250.00")),
              _tree(3, nvtb_waarde_eur=Decimal("1000"))):
        register.add_tree(uow_factory(), t)
    return uow_factory


def test_nvtb_value_is_stored_in_cents_and_changed_through_the_register(uow_factory):
    tree = register.add_tree(uow_factory(), _tree(0, nvtb_waarde_eur=Decimal("1234.56")))
    assert tree.nvtb_waarde_eur == Decimal("1234.56")
    changed = register.update_tree(uow_factory(), tree.id, {"nvtb_waarde_eur": None})
    assert changed.nvtb_waarde_eur is None
    with pytest.raises(ValidationError, match="onmogelijk"):
        _tree(1, nvtb_waarde_eur=Decimal("-5"))


def test_nvtb_value_wins_over_vvog_and_is_counted(appraised, tmp_path):
    (centrum,) = assemble(appraised, Scope("wijk", "Centrum"), ON).values
    # VVOG only for the two unappraised oaks: 2 × π·40²/4 = 2 513,27 cm² × 1,50 × 0,8³ (0,768)
    # = € 1 930,19; plus the NVTB values 4 250,00 + 1 000,00 = € 7 180,19
    assert centrum.n_trees == 4 and centrum.n_nvtb == 2 and centrum.n_measured == 4
    assert centrum.value_eur == Decimal("7180.19")
    out = tmp_path / "plan.pdf"
    write_bomenplan(assemble(appraised, Scope("wijk", "Centrum"), ON), out)
    text = pdf_text(out)
    assert "2 bomen hadden een NVTB-waarde" in text and "demowaarde" in text


def test_unit_price_on_the_command_line_changes_the_vvog_part(appraised, db_path, tmp_path):
    from bomenplan.cli.main import run_cli

    out = tmp_path / "plan.pdf"
    assert run_cli(["report", "--db", str(db_path), "--wijk", "Centrum", "--out", str(out),
                    "--datum", "2026-11-30", "--eenheidsprijs", "2,00"]) == 0
    text = pdf_text(out)
    # 2 513,27 cm² × 2,00 × 0,512 = € 2 573,59; + 5 250,00 NVTB = € 7 823,59, shown as € 7.824
    assert "7.824" in text and "eenheidsprijs \\200 2,00/cm" in text and "demowaarde" not in text


def test_bad_unit_price_is_a_clear_dutch_error(appraised, db_path, tmp_path, capsys):
    from bomenplan.cli.main import run_cli

    assert run_cli(["report", "--db", str(db_path), "--wijk", "Centrum", "--out", str(tmp_path / "p.pdf"),
                    "--eenheidsprijs", "duur"]) == 1
    assert "--eenheidsprijs" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
