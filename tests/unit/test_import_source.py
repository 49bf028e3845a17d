"""Reading CSV sources: delimiter sniffing, encodings, quotes, malformed rows, dBase headers."""

import zipfile

import pytest

from bomenplan.services.importing import read_source
from bomenplan.services.importing.source import SourceError, clean_header


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_any_delimiter_is_sniffed(tmp_path, delimiter):
    path = tmp_path / "bomen.csv"
    rows = [["boomnummer", "soort", "x", "y"], ["1", "Tilia cordata", "233000.5", "557000"],
            ["2", "Quercus robur", "233010", "557010"]]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    src = read_source(path)
    assert src.delimiter == delimiter
    assert src.columns == ["boomnummer", "soort", "x", "y"]
    assert src.n_rows == 2
    assert src.preview(1) == [["1", "Tilia cordata", "233000.5", "557000"]]


def test_cp1252_is_detected_and_quoted_delimiters_survive(tmp_path):
    path = tmp_path / "cp.csv"
    text = 'nr;soortnaam;eigenaar\n1;"Sophora japonica \'Regent\' – Honingboom";"Gemeente; Assen"\n'
    path.write_bytes(text.encode("cp1252"))
    src = read_source(path)
    assert src.encoding == "cp1252"
    assert src.preview(1)[0] == ["1", "Sophora japonica 'Regent' – Honingboom", "Gemeente; Assen"]


def test_utf8_bom_and_explicit_delimiter(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffa;b\n1,5;x\n".encode())
    src = read_source(path, delimiter=";")
    assert src.columns == ["a", "b"]
    assert src.preview(1) == [["1,5", "x"]]


def test_rows_with_wrong_field_count_are_kept_with_their_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", encoding="utf-8")
    src = read_source(path)
    assert src.n_rows == 4
    assert [m[0] for m in src.malformed] == [3, 4]
    assert src.lines.tolist() == [2, 5]


def test_zip_holding_a_csv_is_read(tmp_path):
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("inner/bomen.csv", "id,latitude,longitude\n7,4.9,52.3\n")
    src = read_source(path)
    assert src.columns == ["id", "latitude", "longitude"] and src.n_rows == 1


def test_dbase_style_headers_are_cleaned():
    assert clean_header(["baumnummer,C,20", "hochwert,N,19,11", "", "x", "x"]) == [
        "baumnummer", "hochwert", "kolom_3", "x", "x_2"]


def test_missing_file_error_names_the_file(tmp_path):
    with pytest.raises(SourceError, match="nope.csv"):
        read_source(tmp_path / "nope.csv")


def test_cp1252_byte_far_down_the_file_is_detected(tmp_path):
    path = tmp_path / "late.csv"
    body = "".join(f"{i};Tilia cordata\n" for i in range(10_000))
    path.write_bytes(("nr;soort\n" + body + "10000;Straße – Linde\n").encode("cp1252"))
    src = read_source(path)
    assert src.encoding == "cp1252" and src.n_rows == 10_001
    assert src.column("soort")[-1].as_py() == "Straße – Linde"


def test_blank_lines_keep_line_numbers_exact(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("a,b\n1,2\n\n3,4\n\n", encoding="utf-8")
    src = read_source(path)
    assert src.n_rows == 2 and src.lines.tolist() == [2, 4] and src.malformed == []
