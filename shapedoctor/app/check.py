"""``shapedoctor check``: shape-check scripts and notebooks weight-free; one file or a whole tree.

One file given by name is checked in this process (``--diff``/``--write`` work then, proven by
checking the patched script); directories and several files are checked in parallel worker
processes (:mod:`shapedoctor.check.parallel`). Output formats: ``text`` (the diagnosis of each
file with a problem, then a summary table), ``json`` (schema version 1, one report per file),
``sarif`` (SARIF 2.1.0) and ``github`` (workflow commands).

Exit codes: 0 no shape error; 1 a shape error (``--strict``: or a warning), or a file that could
not be checked (invalid, timed out, died); 2 usage or I/O error.
"""

from __future__ import annotations

import json
import os
import sys

from shapedoctor.check.single import INVALID, SKIPPED, FileReport

FORMATS = ("text", "json", "sarif", "github")


def check_command(paths: list[str], fmt: str = "text", jobs: int | None = None, timeout: float = 120.0,
                  patch_mode: str | None = None, fix_number: int | None = None, proof_timeout: float = 120.0,
                  backup_suffix: str = ".orig", strict: bool = False) -> int:
    from shapedoctor.check.files import discover

    candidates, missing = discover(paths)
    if missing:
        print(f"shapedoctor: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    single = len(paths) == 1 and os.path.isfile(paths[0])
    if patch_mode is not None and not single:
        print("shapedoctor: error: --diff/--write take exactly one file", file=sys.stderr)
        return 2
    to_check = [c.path for c in candidates if c.uses_keras]
    skipped = [c.path for c in candidates if not c.uses_keras]
    if single:
        report = _check_here(candidates[0].path, fmt) if to_check else FileReport(
            candidates[0].path, outcome=SKIPPED, detail="does not import keras or tensorflow")
        if patch_mode is not None and report.diagnosis is not None:
            return _patch(report, patch_mode, fix_number, proof_timeout, backup_suffix, fmt)
        reports = [report]
    else:
        from shapedoctor.check.parallel import check_files

        progress = None
        if fmt == "text" and sys.stderr.isatty():
            def progress(r):  # noqa: E306
                print(f"  {r.status:<8} {r.file}", file=sys.stderr)
        reports = check_files(to_check, jobs or os.cpu_count() or 1, timeout, progress)
    _render(reports, fmt, skipped, single)
    failed = any(r.has_error for r in reports) or (strict and any(r.status == "warning" for r in reports))
    return 1 if failed else 0


def worker(args: list[str]) -> int:
    """``check --worker FILE [ARGS]``: one file's JSON report on stdout (the script's prints on stderr)."""
    file, argv = args[0], args[1:]
    report = _check_here(file, "json", argv)
    data = report.to_json()
    if report.diagnosis is not None and report.diagnosis.findings:
        from shapedoctor.render.plain import plain_text

        data["text"] = plain_text(report.diagnosis, 120)
    print(json.dumps(data))
    return 1 if report.status != "ok" or report.outcome != "checked" else 0


def _check_here(file: str, fmt: str, argv: list[str] | None = None) -> FileReport:
    from shapedoctor.check.single import check_script
    from shapedoctor.cli import unusable_script

    problem = unusable_script(file)
    if problem is not None:
        return FileReport(file, outcome=INVALID, detail=problem)
    report = check_script(file, argv, quiet_stdout=fmt != "text")
    if report.user_exception is not None:
        from shapedoctor.app.run import print_user_traceback

        print_user_traceback(report.user_exception)
    return report


def _patch(report: FileReport, mode: str, number: int | None, timeout: float, backup_suffix: str, fmt: str) -> int:
    from shapedoctor.app.patching import patch_step
    from shapedoctor.app.run import render_diagnosis
    from shapedoctor.patch.apply import read_source

    sources = {os.path.realpath(report.file): read_source(report.file)}
    return patch_step(report.diagnosis, mode, number, [], timeout, backup_suffix, fmt == "json", sources,
                      render_diagnosis, weight_free=True)


def _render(reports: list[FileReport], fmt: str, skipped: list[str], single: bool) -> None:
    data = [r.to_json() for r in reports]
    if fmt == "json":
        for d in data:
            d.pop("text", None)
        print(json.dumps({"version": 1, "source": "check", "files": data,
                          "skipped": skipped if not single else []}, indent=2))
        return
    if fmt == "sarif":
        from shapedoctor.render.sarif import render

        sys.stdout.write(render(data))
        return
    if fmt == "github":
        from shapedoctor.render.github import render

        sys.stdout.write(render(data))
        return
    _render_text(reports, data, skipped, single)


def _render_text(reports: list[FileReport], data: list[dict], skipped: list[str], single: bool) -> None:
    import shutil

    from rich.console import Console

    from shapedoctor.render.checks import summary_table, totals
    from shapedoctor.render.terminal import render

    width = None if sys.stdout.isatty() else max(120, shutil.get_terminal_size((120, 24)).columns)
    console = Console(highlight=False, width=width)
    if single:
        report = reports[0]
        if report.diagnosis is not None:
            console.print(render(report.diagnosis))
        else:
            console.print(f"{report.file}: {report.outcome} ({report.detail})")
        return
    for report, d in zip(reports, data):
        if d.get("text"):
            console.rule(report.file, align="left")
            console.print(d["text"].rstrip("\n"), markup=False, highlight=False)
    console.print(summary_table(data))
    line = totals(data)
    if skipped:
        line += f"; {len(skipped)} skipped (no keras/tensorflow import)"
    console.print(line, markup=False)
