"""Typed settings over QSettings (IniFormat, UserScope); every key declared once (Picard)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: object


LAST_DATABASE = Option("database/last_path", str, "")
COLOUR_MODE = Option("map/colour_mode", str, "genus")  # "genus" | "status"
WINDOW_GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Option("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Option("window/splitter", QByteArray, QByteArray())
PROJ_GRID_FOLDER = Option("import/proj_grid_folder", str, "")
USER_NAME = Option("user/name", str, "")
USER_ROLE = Option("user/role", str, "")  # e.g. "boomverzorger", "beleidsmedewerker groen"
USER_TEAM = Option("user/team", str, "")  # e.g. "Team Noord"
MAP_LAYERS = Option("map/layers", str, "")  # JSON: the layers panel (ui/features/map_layers.py)
RECENT_SERVERS = Option("database/recent_servers", str, "")  # URLs without password, one a line
OPTIONS = (LAST_DATABASE, RECENT_SERVERS, COLOUR_MODE, WINDOW_GEOMETRY, WINDOW_STATE, SPLITTER_STATE,
           PROJ_GRID_FOLDER, USER_NAME, USER_ROLE, USER_TEAM, MAP_LAYERS)


class Settings:
    """`settings.get(COLOUR_MODE)` / `settings.set(COLOUR_MODE, "status")`, always typed."""

    def __init__(self, qsettings: QSettings | None = None):
        self.qsettings = qsettings or QSettings(QSettings.Format.IniFormat,
                                                QSettings.Scope.UserScope, "bomenplan", "bomenplan")

    @classmethod
    def at(cls, path: str) -> Settings:
        """Settings stored in a given ini file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, option: Option):
        value = self.qsettings.value(option.key, option.default)
        if value is None or isinstance(value, option.type):
            return option.default if value is None else value
        try:
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option, value) -> None:
        if not isinstance(value, option.type):
            raise TypeError(f"{option.key} verwacht {option.type.__name__}, kreeg {value!r}")
        self.qsettings.setValue(option.key, value)

    # Convenience accessors for the common keys.
    @property
    def colour_mode(self) -> str:
        mode = self.get(COLOUR_MODE)
        return mode if mode in ("genus", "status") else COLOUR_MODE.default

    @colour_mode.setter
    def colour_mode(self, mode: str) -> None:
        self.set(COLOUR_MODE, mode)

    @property
    def user_name(self) -> str:
        return self.get(USER_NAME)

    @user_name.setter
    def user_name(self, name: str) -> None:
        self.set(USER_NAME, name)

    @property
    def last_database(self) -> str:
        return self.get(LAST_DATABASE)

    @last_database.setter
    def last_database(self, path: str) -> None:
        self.set(LAST_DATABASE, path)

    @property
    def proj_grid_folder(self) -> str:
        return self.get(PROJ_GRID_FOLDER)

    @proj_grid_folder.setter
    def proj_grid_folder(self, folder: str) -> None:
        self.set(PROJ_GRID_FOLDER, folder)
