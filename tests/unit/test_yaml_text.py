"""yaml_text.safe_load: the C parser when PyYAML has it, with the same data and errors as the
pure-Python one, for every YAML file the tool ships."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from meta_optout_assist.site import yaml_text

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted([*(ROOT / "selectors").rglob("*.yaml"), *(ROOT / "src").rglob("*.yaml")])


def test_every_shipped_file_reads_the_same_as_with_the_python_parser():
    assert len(SHIPPED) >= 5
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        assert yaml_text.safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader), path


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML was built without libyaml")
def test_the_c_parser_is_used_and_names_the_line_of_a_fault(monkeypatch):
    used = []
    original = yaml.load
    monkeypatch.setattr(yaml, "load", lambda text, Loader: used.append(Loader) or original(text, Loader=Loader))
    assert yaml_text.safe_load("a: 1") == {"a": 1}
    assert used == [yaml.CSafeLoader]
    with pytest.raises(yaml.MarkedYAMLError) as err:
        yaml_text.safe_load("a: [1, 2\nb: 3")
    assert err.value.problem_mark.line == 1
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml_text.safe_load("!!python/object/apply:os.system ['true']")  # safe: no Python objects
