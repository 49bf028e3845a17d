"""The default intervention criteria shipped in resources/criteria (DOMAIN.md §6, Groenvisie §3.6)."""

from __future__ import annotations

from pathlib import Path

from bomenplan.domain.criteria import CriteriaVersion
from bomenplan.domain.criteria_json import version_from_json

DEFAULT_CRITERIA_PATH = (Path(__file__).resolve().parents[2] / "resources" / "criteria"
                         / "default_criteria.json")


def default_criteria(path: Path = DEFAULT_CRITERIA_PATH) -> CriteriaVersion:
    return version_from_json(path.read_text(encoding="utf-8"), source=str(path))
