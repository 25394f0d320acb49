"""Results kept between test runs (tests/support/results.py) are found again only
under the same inputs, code and environment."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tests.support import results


class MemoryCache:
    """pytest's config.cache, in memory (values go through JSON, as pytest stores them)."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def get(self, key, default):
        return self.values.get(key, default)

    def set(self, key, value):
        self.values[key] = json.loads(json.dumps(value))


@pytest.fixture
def config():
    return SimpleNamespace(cache=MemoryCache())


@pytest.fixture
def fresh_environment():
    results.environment.cache_clear()
    yield
    results.environment.cache_clear()


def test_a_result_is_found_only_under_the_same_inputs_code_and_environment(
        config, monkeypatch, fresh_environment):
    kept = results.Kept(config, "test", "code, first version")
    kept.put({"printed": "5"}, "input")
    assert kept.get("input") == {"printed": "5"}
    assert kept.get("another input") is None
    assert results.Kept(config, "test", "code, second version").get("input") is None
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # a variable that steers torch
    results.environment.cache_clear()
    assert kept.get("input") is None


def test_nothing_is_kept_without_pytest_cache():
    kept = results.Kept(SimpleNamespace(), "test", "code")
    kept.put({"printed": "5"}, "input")
    assert kept.get("input") is None
