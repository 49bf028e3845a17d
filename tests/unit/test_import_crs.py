"""Transformation choice and reporting; the RDNAPTRANS grid folder option."""

import numpy as np
import pytest

from bomenplan.services.importing.crs import make_transformation, should_swap, to_rd


def test_wgs84_to_rd_reports_description_and_accuracy(tmp_path):
    t = make_transformation("EPSG:4326", grid_dir=tmp_path)  # folder without the grid
    assert "Amersfoort" in t.description and t.accuracy_m == pytest.approx(1.0)
    x, y = to_rd(t, np.array([5.38763888888889]), np.array([52.15616055555555]))
    assert x[0] == pytest.approx(155_000, abs=150) and y[0] == pytest.approx(463_000, abs=150)


def test_rd_new_needs_no_transformation():
    t = make_transformation("EPSG:28992")
    assert t.transformer is None and t.description.startswith("geen")


def test_unusable_grid_file_is_a_clear_error(tmp_path):
    (tmp_path / "nl_nsgi_rdtrans2018.tif").write_bytes(b"not a grid")
    with pytest.raises(ValueError, match="nl_nsgi_rdtrans2018.tif"):
        make_transformation("EPSG:4326", grid_dir=tmp_path)


def test_unknown_crs_is_a_clear_error():
    with pytest.raises(ValueError, match="EPSG:99999"):
        make_transformation("EPSG:99999")


def test_swap_detected_only_when_it_helps():
    t = make_transformation("EPSG:4326")
    lat, lon = np.array([52.3, 52.35, 53.0]), np.array([4.9, 4.95, 6.56])
    valid = np.ones(3, dtype=bool)
    assert should_swap(t, lat, lon, valid)   # x holds latitude
    assert not should_swap(t, lon, lat, valid)


def test_dhdn_goes_via_wgs84_when_no_direct_operation_is_accurate():
    t = make_transformation("EPSG:31467")
    assert len(t.steps) == 2 and "DHDN to WGS 84" in t.description
    assert t.accuracy_m == pytest.approx(4.0)
    assert "de_adv_BETA2007.tif" in t.description  # tells which grid would do better
    x, y = to_rd(t, np.array([3530082.72]), np.array([6074377.33]))  # Flensburg
    assert x[0] == pytest.approx(417_383, abs=50) and y[0] == pytest.approx(764_646, abs=50)
