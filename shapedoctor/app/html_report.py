"""``--html FILE`` and ``--open``: write the self-contained HTML report, and show it in a browser.

The page itself is drawn by :mod:`shapedoctor.render.report_page`; this module adds what a
clean run needs drawn (every model that was called), writes the file atomically (a
temporary file in the same directory, then a rename: a reader never sees half a report)
and, for ``--open``, writes it to a private temporary file and asks the system's browser to
show it.
"""

from __future__ import annotations

import os
import sys
import tempfile

from shapedoctor.report.model import Diagnosis


def add_model_pictures(diagnosis: Diagnosis, recorder) -> None:
    """A clean run: draw every model that was called (only when a report is asked for)."""
    from shapedoctor.diagnosis.snapshot import view_of_model

    if not diagnosis.ok or diagnosis.ok_graphs:
        return
    seen = set()
    for run in recorder.runs:
        model = getattr(run, "model", None)
        if model is None or id(model) in seen:
            continue
        seen.add(id(model))
        view = view_of_model(recorder, model)
        if view is not None:
            diagnosis.ok_graphs.append(view)


def write_report(diagnosis: Diagnosis, path: str) -> str:
    """Write the report to *path* atomically; returns the absolute path written."""
    from shapedoctor.render.report_page import render

    page = render(diagnosis)
    target = os.path.abspath(path)
    folder = os.path.dirname(target) or "."
    fd, tmp = tempfile.mkstemp(prefix=".shapedoctor-report-", suffix=".html", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a report is an ordinary file, not mkstemp's private 0600
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


def open_report(diagnosis: Diagnosis) -> str:
    """Write the report to a new private temporary file and open it in the browser; returns its path."""
    import webbrowser

    from shapedoctor.render.report_page import render

    fd, path = tempfile.mkstemp(prefix="shapedoctor-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(render(diagnosis))
    if not webbrowser.open("file://" + path):
        print(f"shapedoctor: no browser could be started; open {path} yourself", file=sys.stderr)
    return path


def emit(diagnosis: Diagnosis, recorder, html_path: str | None, open_browser: bool) -> None:
    """Write/open the report as asked and say where it is (on stderr: stdout may hold JSON)."""
    if html_path is None and not open_browser:
        return
    add_model_pictures(diagnosis, recorder)
    if html_path is not None:
        try:
            written = write_report(diagnosis, html_path)
        except OSError as exc:
            print(f"shapedoctor: error: cannot write the HTML report {html_path}: {exc.strerror or exc}",
                  file=sys.stderr)
        else:
            print(f"shapedoctor: HTML report written to {written}", file=sys.stderr)
    if open_browser:
        print(f"shapedoctor: HTML report opened from {open_report(diagnosis)}", file=sys.stderr)
