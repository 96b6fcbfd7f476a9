"""The exceptions clustergraph raises, and the CLI exit code each one maps to.

One root, :class:`ClusterGraphError`; callers that want to catch everything clustergraph
raises on purpose catch that. Expected problems in the *content* of data (a SHACL violation,
a sentence that could not be read) are reported in report objects, not raised.

Exit codes (documented in the README):

====  =====================================================================
0     success
1     findings: validation violations, input that could not be extracted
2     usage: bad options or arguments, missing files
3     runtime or store failure
====  =====================================================================
"""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_RUNTIME = 3


class ClusterGraphError(Exception):
    """Root of every error clustergraph raises on purpose."""

    exit_code = EXIT_RUNTIME


class ConfigError(ClusterGraphError):
    """A setting has an unknown name or a value of the wrong kind."""

    exit_code = EXIT_USAGE


class InputError(ClusterGraphError):
    """An input file cannot be read: empty, binary, undecodable, too large, malformed."""

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class StoreError(ClusterGraphError):
    """The store could not be opened, read or written."""

    exit_code = EXIT_RUNTIME


class QueryError(ClusterGraphError):
    """A SPARQL query or update is malformed; ``position`` is (line, column) when known."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, position: tuple[int, int] | None = None):
        self.position = position
        super().__init__(message)


class QueryTimeout(ClusterGraphError):
    """A query ran past the time limit and was stopped."""

    exit_code = EXIT_RUNTIME


class UnknownQuery(ClusterGraphError):
    """A named query (``@name``) does not exist."""

    exit_code = EXIT_USAGE
