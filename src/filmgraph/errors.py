"""The one exception type filmgraph raises for problems the user caused."""


class FilmgraphError(Exception):
    """Bad input, an unreachable store or a bad query: a one-line ``<where>: <what>`` message."""
