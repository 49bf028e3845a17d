"""Typed settings: each key once, with a type and a default."""

import pytest
from PySide6.QtCore import QByteArray

from bomenplan.ui.settings import COLOUR_MODE, OPTIONS, USER_NAME, WINDOW_GEOMETRY, Settings


def test_defaults_round_trip_and_types(tmp_path):
    path = tmp_path / "bomenplan.ini"
    settings = Settings.at(path)
    assert settings.colour_mode == "genus" and settings.user_name == ""
    assert settings.get(WINDOW_GEOMETRY) == QByteArray()
    settings.colour_mode = "status"
    settings.set(USER_NAME, "J. de Boom")
    settings.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    settings.qsettings.sync()
    again = Settings.at(path)
    assert again.colour_mode == "status" and again.get(USER_NAME) == "J. de Boom"
    assert again.get(WINDOW_GEOMETRY) == QByteArray(b"\x01\x02")
    with pytest.raises(TypeError):
        settings.set(COLOUR_MODE, 3)


def test_unknown_colour_mode_falls_back_and_keys_are_unique(tmp_path):
    settings = Settings.at(tmp_path / "x.ini")
    settings.qsettings.setValue(COLOUR_MODE.key, "regenboog")
    assert settings.colour_mode == "genus"
    assert len({o.key for o in OPTIONS}) == len(OPTIONS)
