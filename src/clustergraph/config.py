"""Settings: one table of (name, default, help), one frozen object built from it.

Layers, later wins: defaults < settings file (TOML) < ``CLUSTERGRAPH_*`` environment < arguments.
The object is passed explicitly; nothing reads a global.

>>> s = load_settings(environ={"CLUSTERGRAPH_STORE": "memory"}, overrides={"port": 8080})
>>> (s.store, s.port)
('memory', 8080)
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from clustergraph.errors import ConfigError

ENV_PREFIX = "CLUSTERGRAPH_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "oxigraph", "Store back-end: oxigraph (embedded, on disk), memory (rdflib, in memory) or sparql (a remote SPARQL 1.1 endpoint)."),
    Setting("store_path", "var/store", "Folder of the embedded Oxigraph store (created when missing)."),
    Setting("sparql_query_url", "", "Query URL of the remote SPARQL 1.1 endpoint (store=sparql)."),
    Setting("sparql_update_url", "", "Update URL of the remote SPARQL 1.1 endpoint (store=sparql); defaults to the query URL."),
    Setting("sparql_timeout", 30.0, "Seconds to wait for the remote SPARQL endpoint before giving up.", float),
    Setting("base_iri", "https://w3id.org/clustergraph/", "Base of every IRI clustergraph mints: {base}id/{kind}/{slug}."),
    Setting("host", "127.0.0.1", "Address the server listens on."),
    Setting("port", 5000, "Port the server listens on.", int),
    Setting("query_timeout", 10.0, "Seconds a SPARQL query may run before it is stopped (HTTP 503).", float),
    Setting("max_rows", 10000, "Most result rows the endpoint returns; a header says when a result was cut.", int),
    Setting("max_request_bytes", 1_000_000, "Largest request body the server accepts (HTTP 413 beyond).", int),
    Setting("allow_updates", False, "Accept SPARQL Update on /sparql (still needs update_token).", bool),
    Setting("update_token", "", "Bearer token a SPARQL Update request must carry when updates are allowed."),
    Setting("cors_origins", "*", "Value of Access-Control-Allow-Origin on read responses; empty turns CORS off."),
    Setting("max_input_bytes", 20_000_000, "Largest announcement file extraction accepts.", int),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _make_settings_class():
    fields = [(s.name, s.type, dataclasses.field(default=s.default)) for s in SETTINGS]
    return dataclasses.make_dataclass("Settings", fields, frozen=True)


Settings = _make_settings_class()
Settings.__doc__ = "The frozen settings object; build it with :func:`load_settings`."


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    if isinstance(value, setting.type) and not (setting.type is int and isinstance(value, bool)):
        return value
    text = str(value).strip()
    try:
        if setting.type is bool:
            lowered = text.lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(text)
        return setting.type(text)
    except ValueError:
        raise ConfigError(
            f"setting {setting.name!r} from {origin}: {value!r} is not a {setting.type.__name__}"
        ) from None


def load_settings(
    file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> "Settings":
    """Build settings from defaults, an optional TOML file, the environment and overrides.

    Overrides whose value is ``None`` are ignored, so CLI options left unset do not win.
    """
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    if file is not None:
        path = Path(file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"settings file {path}: {exc}") from None
        for key, value in data.items():
            if key not in _BY_NAME:
                raise ConfigError(f"settings file {path}: unknown setting {key!r}")
            values[key] = _coerce(_BY_NAME[key], value, str(path))
    env = os.environ if environ is None else environ
    for setting in SETTINGS:
        key = ENV_PREFIX + setting.name.upper()
        if key in env:
            values[setting.name] = _coerce(setting, env[key], key)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(_BY_NAME[key], value, "arguments")
    if not values["base_iri"].endswith(("/", "#")):
        values["base_iri"] += "/"
    return Settings(**values)


def settings_markdown() -> str:
    """The settings table as Markdown (the README embeds it; a test keeps them equal)."""
    lines = ["| setting | environment | default | meaning |", "| --- | --- | --- | --- |"]
    for s in SETTINGS:
        default = "(empty)" if s.default == "" else f"`{s.default}`"
        lines.append(f"| `{s.name}` | `{ENV_PREFIX}{s.name.upper()}` | {default} | {s.help} |")
    return "\n".join(lines)
