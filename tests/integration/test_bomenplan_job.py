"""The print job: progress runs to 1, and Cancel while the PDF is being drawn leaves no file
(neither the target nor the temporary file next to it)."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

from bomenplan.domain.progress import Cancelled
from bomenplan.domain.tree import Tree
from bomenplan.reports.registry import register_report_writers
from bomenplan.services import register
from bomenplan.services.bomenplan_print import GATHER_SHARE, print_bomenplan
from bomenplan.services.bomenplan_report import Scope

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


@pytest.fixture
def small(uow_factory):
    register_report_writers()
    for i in range(4):
        register.add_tree(uow_factory(), Tree(id=None, boomnummer=f"J{i}", site_id=None,
                                              position=Point(233000.0 + 9 * i, 557000.0),
                                              species_name="Tilia cordata", straat="Brink", wijk="Centrum"))
    return uow_factory


def test_progress_reaches_one_and_the_pdf_is_in_place(small, tmp_path):
    seen = []
    result = print_bomenplan(small, Scope("alles"), tmp_path / "b.pdf", date(2026, 11, 30), progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert any(GATHER_SHARE < f < 1.0 for f in seen)  # the drawing reports too
    assert result.n_trees == 4 and (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


def test_cancel_while_drawing_leaves_no_file(small, tmp_path):
    seen = []

    def cancelled() -> bool:
        return bool(seen) and seen[-1] > GATHER_SHARE  # the user cancels once drawing has begun

    out = tmp_path / "uit"
    out.mkdir()
    with pytest.raises(Cancelled):
        print_bomenplan(small, Scope("alles"), out / "b.pdf", progress=seen.append, cancelled=cancelled)
    assert seen[-1] > GATHER_SHARE
    assert list(out.iterdir()) == []
