"""The pytest plugin, run on real test files with ``pytester`` and real Keras.

Most runs are in-process (Keras is imported once, here); one runs pytest in a fresh
interpreter to check what ``-p shapedoctor`` resolves to and the install at ``import keras``.
"""

from __future__ import annotations

import os
import textwrap

import pytest

keras = pytest.importorskip("keras")  # imported here once: in-process runs then share it

from shapedoctor.integrations import _core  # noqa: E402

pytest_plugins = ["pytester"]

BROKEN = textwrap.dedent("""\
    import keras
    import pytest
    from keras import layers


    def build():
        return keras.Sequential([
            keras.Input(shape=(10,)),
            layers.Dense(1),
            layers.LSTM(64),
        ])


    def test_broken_model():
        build()


    def test_passes():
        assert build is not None


    def test_other_error():
        {}["missing"]


    @pytest.fixture
    def model():
        return build()


    def test_broken_in_fixture(model):
        pass


    @pytest.mark.xfail(raises=ValueError, strict=True)
    def test_expected_failure():
        build()


    def test_expected_with_raises():
        with pytest.raises(ValueError):
            build()
    """)


@pytest.fixture(autouse=True)
def quiet_tf(monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(autouse=True)
def nothing_left_behind():
    yield
    assert _core.current() is None and not hasattr(keras.layers.Layer.__call__, "__shapedoctor_original__")


# Other installed plugins that only cost time in the inner runs (hypothesis's summary: ~2 s each).
QUIET = ("-p", "no:hypothesispytest", "-p", "no:cacheprovider")


def sections(result, name: str = "shapedoctor") -> list[str]:
    """The bodies of the report sections called *name*, in order."""
    lines = result.stdout.lines
    found, body = [], None
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("---") and stripped.endswith("---") and f" {name} " in stripped:
            body = []
            found.append(body)
        elif body is not None and (stripped.startswith(("___", "===")) or (stripped.startswith("---")
                                                                               and stripped.endswith("---"))):
            body = None
        elif body is not None:
            body.append(line)
    return ["\n".join(b) for b in found]


def test_failing_test_gets_a_shapedoctor_section(pytester):
    pytester.makepyfile(test_models=BROKEN)
    result = pytester.runpytest(*QUIET, "-p", "shapedoctor")
    result.assert_outcomes(passed=2, failed=2, errors=1, xfailed=1)
    assert "shapedoctor: Keras shape errors in failing tests are diagnosed" in result.stdout.str()
    found = sections(result)
    assert len(found) == 2  # test_broken_model (call) and test_broken_in_fixture (setup error)
    for text in found:
        assert "error[SD101] wrong-rank: LSTM `lstm" in text
        assert "root cause: dense" in text and "at test_models.py:9" in text  # relative, as pytest shows paths
        assert "fixes (verified with Keras):" in text and "layers.RepeatVector(64)," in text
        assert "\x1b[" not in text
    # each section belongs to its test's report, after the test's own traceback
    reports = blocks(result)
    assert {name for name, text in reports.items() if "- shapedoctor -" in text} == {
        "test_broken_model", "ERROR at setup of test_broken_in_fixture"}
    broken = reports["test_broken_model"]
    assert broken.index("ValueError: Input 0") < broken.index("- shapedoctor -")


def blocks(result) -> dict[str, str]:
    """Each test's report in the FAILURES/ERRORS summary, by its `____ name ____` header."""
    out, name, found = [], None, {}
    for line in result.stdout.lines + ["=" * 10]:
        stripped = line.strip()
        header = stripped.startswith("___") and stripped.endswith("___")
        if header or stripped.startswith("==="):
            if name is not None:
                found[name] = "\n".join(out)
            name, out = (stripped.strip("_ ") if header else None), []
        elif name is not None:
            out.append(line)
    return found


def test_option_and_ini_also_enable_it(pytester):
    pytester.makepyfile(test_models=BROKEN)
    result = pytester.runpytest(*QUIET, "--shapedoctor", "-k", "test_broken_model")
    assert len(sections(result)) == 1
    pytester.makeini("[pytest]\nshapedoctor = true\n")
    result = pytester.runpytest(*QUIET, "-k", "test_broken_model")
    assert len(sections(result)) == 1


@pytest.mark.parametrize("autoload", [True, False], ids=["autoload", "no-autoload"])
def test_conftest_pytest_plugins_enables_it(pytester, monkeypatch, autoload):
    """`pytest_plugins = ["shapedoctor"]`: the entry point already loaded it, or pytest imports the package."""
    if not autoload:
        monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest('pytest_plugins = ["shapedoctor"]\n')
    pytester.makepyfile(test_models=BROKEN)
    result = pytester.runpytest(*QUIET, "-k", "test_broken_model")
    result.assert_outcomes(failed=1)
    assert len(sections(result)) == 1


def test_installed_but_not_asked_for_it_stays_dormant(pytester):
    pytester.makepyfile(test_models=BROKEN)
    result = pytester.runpytest(*QUIET, "-k", "test_broken_model or test_passes")
    result.assert_outcomes(passed=1, failed=1)
    assert sections(result) == []
    assert "shapedoctor:" not in result.stdout.str()
    result = pytester.runpytest(*QUIET, "-p", "no:shapedoctor", "-k", "test_broken_model")
    assert sections(result) == []


def test_fresh_interpreter_p_resolves_the_entry_point_and_records_from_import(pytester, monkeypatch):
    """`pytest -p shapedoctor` with entry-point autoload off: -p alone must find the plugin.

    Keras is imported inside the test, after the plugin is configured: the recorder is
    installed by the import hook, and a test that never imports Keras does not import it.
    """
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        test_a_plain="""
            import sys

            def test_no_keras_yet():
                assert "keras" not in sys.modules
            """,
        test_b_keras="""
            def test_broken():
                import keras
                from keras import layers
                keras.Sequential([
                    keras.Input(shape=(10,)),
                    layers.Dense(1),
                    layers.LSTM(64),
                ])
            """,
    )
    result = pytester.runpytest_subprocess(*QUIET, "-p", "shapedoctor", timeout=300)
    result.assert_outcomes(passed=1, failed=1)
    found = sections(result)
    assert len(found) == 1
    assert "root cause: dense at test_b_keras.py:6" in found[0]
    assert "fixes (verified with Keras):" in found[0]


def test_plugin_modules_resolve():
    """What `-p shapedoctor` can resolve to: the entry point, or the package (which pulls the plugin in)."""
    from importlib.metadata import entry_points

    import shapedoctor

    eps = [ep for ep in entry_points(group="pytest11") if ep.name == "shapedoctor"]
    if eps:  # installed (pip install -e .)
        assert eps[0].value == "shapedoctor.integrations.pytest_plugin"
    assert shapedoctor.pytest_plugins == ["shapedoctor.integrations.pytest_plugin"]
    assert os.path.exists(os.path.join(os.path.dirname(shapedoctor.__file__), "integrations", "pytest_plugin.py"))
