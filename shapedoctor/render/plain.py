"""The terminal report as plain text (no colour, no ANSI codes): for exception notes, test
reports, the ``text/plain`` display in Jupyter and ``shapedoctor check``'s per-file reports."""

from __future__ import annotations

from shapedoctor.report.model import Diagnosis


def plain_text(diagnosis: Diagnosis, width: int = 100) -> str:
    """The terminal rendering of *diagnosis* as plain text, lines right-stripped."""
    import io

    from rich.console import Console

    from shapedoctor.render.terminal import render

    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False, force_jupyter=False,
                      highlight=False, emoji=False, soft_wrap=False)
    console.print(render(diagnosis))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()).strip("\n") + "\n"
