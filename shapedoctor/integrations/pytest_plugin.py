"""The pytest plugin: ``pytest -p shapedoctor``.

A test that fails with a Keras shape error gets a ``shapedoctor`` section in its failure
report: the same diagnosis as ``shapedoctor run`` (root cause, shape path, explanation,
verified fixes), as plain text. Nothing else changes: passing tests, skips, xfails and
other errors are reported as before.

Installing shapedoctor registers the plugin under the ``pytest11`` entry point
``shapedoctor``, so pytest loads it in every run, but it stays dormant unless asked for:
``-p shapedoctor`` (also in ``addopts`` or ``PYTEST_ADDOPTS``), ``--shapedoctor``,
``shapedoctor = true`` in the ini file, or ``pytest_plugins = ["shapedoctor"]``. Dormant, it
registers nothing but its option. Active, it records Keras only once Keras is imported (by
a test, a conftest, or the code under test) and never imports Keras itself; between tests
it clears what the previous test left (see :func:`shapedoctor.integrations._core.start_unit`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

from shapedoctor.integrations import _core
from shapedoctor.render.plain import plain_text

SECTION = "shapedoctor"
_NAMES = ("shapedoctor", __name__)


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("shapedoctor", "diagnose Keras shape errors (shapedoctor)")
    group.addoption("--shapedoctor", action="store_true", default=False,
                    help="add a shapedoctor diagnosis to tests failing with a Keras shape error "
                         "(same as -p shapedoctor)")
    parser.addini("shapedoctor", type="bool", default=False,
                  help="diagnose Keras shape errors in failing tests (same as -p shapedoctor)")


def pytest_configure(config: Any) -> None:
    if _requested(config) and config.pluginmanager.get_plugin("shapedoctor-diagnosis") is None:
        config.pluginmanager.register(DiagnosisPlugin(config), "shapedoctor-diagnosis")


def _requested(config: Any) -> bool:
    """Was the plugin asked for, rather than only auto-loaded from its entry point?"""
    if any(p in _NAMES for p in (getattr(config.option, "plugins", None) or [])):
        return True
    if config.getoption("shapedoctor", False) or config.getini("shapedoctor"):
        return True
    if any(p.strip() in _NAMES for p in os.environ.get("PYTEST_PLUGINS", "").split(",")):
        return True
    pm = config.pluginmanager
    if pm.get_name(sys.modules[__name__]) == __name__:  # imported by name: pytest_plugins = [...]
        return True
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD") or getattr(config.option, "disable_plugin_autoload", False):
        return True  # entry points are not auto-loaded: being here means someone asked
    for plugin in pm.get_plugins():  # a conftest with pytest_plugins = ["shapedoctor"]
        wanted = getattr(plugin, "pytest_plugins", None)
        if isinstance(wanted, str):
            wanted = [wanted]
        if isinstance(wanted, (list, tuple)) and any(w in _NAMES for w in wanted) and plugin is not sys.modules.get(
                "shapedoctor"):
            return True
    return False


class DiagnosisPlugin:
    """The active plugin: one per pytest config."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.acquired = False

    def pytest_configure(self, config: Any) -> None:  # called at once on late registration
        if not self.acquired:
            _core.acquire()
            self.acquired = True

    def pytest_unconfigure(self, config: Any) -> None:
        if self.acquired:
            self.acquired = False
            _core.release()

    def pytest_report_header(self, config: Any) -> str:
        error = _core.install_error()
        if error is not None:
            return f"shapedoctor: cannot record Keras ({type(error).__name__}: {error}); nothing is diagnosed"
        return "shapedoctor: Keras shape errors in failing tests are diagnosed"

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: Any) -> None:
        try:
            _core.start_unit(_core.current())
        except Exception:  # noqa: BLE001 - never disturb the test
            pass

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: Any, call: Any):
        report = yield
        try:
            self._add_section(report, call)
        except Exception as inner:  # noqa: BLE001 - the test's own report stays as it is
            report.sections.append((SECTION, f"shapedoctor could not diagnose this error "
                                             f"({type(inner).__name__}: {inner})"))
        return report

    def _add_section(self, report: Any, call: Any) -> None:
        if not report.failed or call.excinfo is None:
            return
        exc = call.excinfo.value
        if not isinstance(exc, Exception) or isinstance(exc, pytest.fail.Exception):
            return
        from shapedoctor.integrations.watch import NOTE_HEADER

        if any(isinstance(n, str) and n.startswith(NOTE_HEADER) for n in getattr(exc, "__notes__", ()) or ()):
            return  # shapedoctor.watch() already put the diagnosis in the traceback
        diagnosis = _core.diagnose(_core.current(), exc, relabel=self._relative)
        if diagnosis is None:
            return
        width = max(100, min(self.config.get_terminal_writer().fullwidth, 160))
        report.sections.append((SECTION, plain_text(diagnosis, width).rstrip("\n")))

    def _relative(self, file: str) -> str | None:
        """Paths under the directory pytest was started in, relative to it (as pytest shows them)."""
        if not os.path.isabs(file):
            return None
        try:
            rel = os.path.relpath(file, self.config.invocation_params.dir)
        except ValueError:  # another drive (Windows)
            return None
        return None if rel.startswith(os.pardir) else rel
