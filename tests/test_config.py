import pytest

from clustergraph.config import SETTINGS, load_settings
from clustergraph.errors import ConfigError


def test_layers_later_wins(tmp_path):
    file = tmp_path / "cg.toml"
    file.write_text('store = "memory"\nport = 7000\nquery_timeout = 2.5\n', encoding="utf-8")
    settings = load_settings(file=file, environ={"CLUSTERGRAPH_PORT": "7001"}, overrides={"port": None})
    assert (settings.store, settings.port, settings.query_timeout) == ("memory", 7001, 2.5)
    settings = load_settings(file=file, environ={"CLUSTERGRAPH_PORT": "7001"}, overrides={"port": 7002})
    assert settings.port == 7002


def test_defaults_without_environment():
    settings = load_settings(environ={})
    assert settings.store == "oxigraph"
    assert settings.allow_updates is False
    assert settings.base_iri == "https://w3id.org/clustergraph/"


@pytest.mark.parametrize("raw,expected", [("true", True), ("0", False), ("yes", True), ("off", False)])
def test_booleans_from_environment(raw, expected):
    assert load_settings(environ={"CLUSTERGRAPH_ALLOW_UPDATES": raw}).allow_updates is expected


def test_base_iri_gets_a_trailing_slash():
    assert load_settings(environ={}, overrides={"base_iri": "http://example.org/kg"}).base_iri == "http://example.org/kg/"


@pytest.mark.parametrize(
    "kwargs,needle",
    [
        ({"environ": {"CLUSTERGRAPH_PORT": "many"}}, "CLUSTERGRAPH_PORT"),
        ({"environ": {}, "overrides": {"colour": "red"}}, "colour"),
        ({"environ": {"CLUSTERGRAPH_ALLOW_UPDATES": "perhaps"}}, "allow_updates"),
    ],
)
def test_bad_values_name_the_setting(kwargs, needle):
    with pytest.raises(ConfigError, match=needle):
        load_settings(**kwargs)


def test_unknown_key_in_file(tmp_path):
    file = tmp_path / "cg.toml"
    file.write_text("colour = 'red'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(file=file, environ={})


def test_settings_are_frozen():
    settings = load_settings(environ={})
    with pytest.raises(Exception):
        settings.port = 1  # type: ignore[misc]


def test_every_setting_has_help():
    assert all(s.help.strip() for s in SETTINGS)
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
