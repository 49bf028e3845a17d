"""The command line lists its command modules explicitly: all subcommands are always there."""

from bomenplan.cli.main import build_parser


def test_every_command_module_adds_its_subcommands():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"gui", "import", "export", "demo", "species", "lanen", "complaints", "standplaats", "plan", "bomenbank", "fonds"} <= set(commands)
