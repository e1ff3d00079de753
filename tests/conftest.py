"""Shared test helpers: run shapedoctor as a user would, in a subprocess, on real Keras."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from warm_cli import run_python, run_shapedoctor

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_cli(*args: str, cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python -m shapedoctor ARGS`` in *cwd*: the process's result, as ``subprocess.run`` gives it
    (run by a fork of a process that imported Keras once, ``warm_cli.py``, or a fresh interpreter)."""
    return run_shapedoctor(list(args), cwd or ROOT, _env(), timeout)


def run_plain(*args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python SCRIPT ARGS`` in *cwd*, to see whether a (written) script runs to its end under plain Python:
    its result as ``subprocess.run`` gives it (run by a fork of the warm process, which has Keras imported)."""
    return run_python(list(args), cwd, _env(), timeout)


def _env() -> dict[str, str]:
    """The environment of both: the same import-time settings, so one warm process per worker serves both."""
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", COLUMNS="120")


@pytest.fixture
def cli():
    return run_cli


def report_of(proc: subprocess.CompletedProcess) -> dict:
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:  # show what came instead
        raise AssertionError(f"no JSON on stdout (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}") from exc


def run_json(cli, folder: Path, code: str) -> tuple[dict, str, subprocess.CompletedProcess]:
    """Write ``code`` (dedented) as ``script.py`` in ``folder`` and run ``shapedoctor run --json`` on it:
    (report, the script's text afterwards, the process)."""
    script = folder / "script.py"
    script.write_text(textwrap.dedent(code))
    proc = cli("run", "--json", "script.py", cwd=folder)
    return report_of(proc), script.read_text(), proc


def written_and_run(cli, folder: Path) -> str:
    """``shapedoctor run --write script.py`` in *folder*, then the written script run under plain
    python: both must succeed. Returns the written script's text."""
    proc = cli("run", "--write", "script.py", cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ran = run_plain("script.py", cwd=folder)
    assert ran.returncode == 0, ran.stderr[-2000:]
    return (folder / "script.py").read_text()


def watched_finding(tmp_path: Path, source: str) -> dict:
    """Run ``source`` as ``script.py`` under ``shapedoctor.watch()`` in this process (the same pipeline
    as the CLI, one import of Keras for every script): the first finding attached to the shape error
    it raises (a ValueError), in JSON form."""
    import runpy

    import shapedoctor

    script = tmp_path / "script.py"
    script.write_text(source)
    with pytest.raises(ValueError) as caught, shapedoctor.watch():
        runpy.run_path(str(script), run_name="__main__")
    report = caught.value.__shapedoctor__.to_json()
    return (json.loads(report) if isinstance(report, str) else report)["findings"][0]


def line_of(source: str, text: str) -> int:
    """The 1-based number of the first line of ``source`` that contains ``text``."""
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


@pytest.fixture(scope="session")
def html_report(tmp_path_factory):
    """``shapedoctor run --json --html`` on a script, once per session: (JSON report, HTML path, process)."""
    cache: dict[str, tuple[dict, Path, subprocess.CompletedProcess]] = {}
    folder = tmp_path_factory.mktemp("reports")

    def get(script: str) -> tuple[dict, Path, subprocess.CompletedProcess]:
        if script not in cache:
            out = folder / (Path(script).stem + ".html")
            proc = run_cli("run", "--json", "--html", str(out), script)
            cache[script] = (report_of(proc), out, proc)
        return cache[script]

    return get
