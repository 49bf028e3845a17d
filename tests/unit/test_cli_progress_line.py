"""The CLI progress line ends with a newline before any note, summary or error that follows,
also when the work stopped short of 100 % (seen with `bomenplan 3-30-300`)."""

import sys

from bomenplan.cli.progress_line import progress_lines_closed, progress_printer


def test_a_note_after_unfinished_progress_starts_on_its_own_line(capsys):
    with progress_lines_closed():
        report = progress_printer("3-30-300")
        report(0.0)
        report(0.97)
        print("let op: 12 panden zonder woningen", file=sys.stderr)
        print("5 buurten → uit.csv")
    captured = capsys.readouterr()
    assert captured.err == "\r3-30-300:   0%\r3-30-300:  97%\nlet op: 12 panden zonder woningen\n"
    assert captured.out == "5 buurten → uit.csv\n"


def test_finished_progress_and_the_end_of_a_command_close_the_line_once(capsys):
    with progress_lines_closed():
        report = progress_printer("importeren")
        report(0.5)
        report(1.0)
        print("klaar", file=sys.stderr)
    with progress_lines_closed():
        progress_printer("lanen")(0.4)  # the command ends without another word
    assert capsys.readouterr().err == ("\rimporteren:  50%\rimporteren: 100%\nklaar\n"
                                       "\rlanen:  40%\n")
