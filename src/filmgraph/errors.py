"""The one exception type filmgraph raises for problems the user caused."""


class FilmgraphError(Exception):
    """Bad input, an unreachable store or a bad query: a one-line ``<where>: <what>`` message."""


class NotAFilm(FilmgraphError):
    """The page holds no film: a redirect, or an article about something else (a series, a person)."""
