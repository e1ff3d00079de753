"""Terminal output with rich: headline, shape path table, explanation, numbered fixes.

rich's Table and Syntax (which brings pygments) are imported where they are drawn: a finding
without a shape path (every ``explain`` finding) needs no table, and code printed without
colour (to a pipe or a file) needs no highlighter; that keeps ``shapedoctor explain`` quick
to start.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from shapedoctor.render import cell_text, checks_text, where
from shapedoctor.report.model import Diagnosis, Finding, PathStep


def render(diagnosis: Diagnosis) -> Group:
    parts = []
    for finding in diagnosis.findings:
        parts.append(_finding(finding))
    if diagnosis.ok:
        parts.append(Text("✓ no shape problem found", style="bold green"))
        for path in diagnosis.ok_paths:
            parts.append(_path_table(path, title="shape path"))
    if diagnosis.training_calls:
        parts.append(_training_table(diagnosis.training_calls))
    for note in diagnosis.notes:
        parts.append(Text(f"note: {note}", style="dim"))
    return Group(*parts)


def _finding(f: Finding) -> Group:
    color = "red" if f.severity == "error" else "yellow"
    head = Text()
    head.append(f"{f.severity}[{f.id}]", style=f"bold {color}")
    head.append(f" {f.family}: ", style="bold")
    head.append(f.message)
    if f.consumer and f.consumer.file:
        head.append(f"\n  --> {where(f.consumer.file, f.consumer.line, f.consumer.cell)}", style="cyan")
    items: list = [head]
    if f.culprit and f.culprit.file:
        cause = Text("  root cause: ", style="bold")
        what = f.culprit.layer if f.culprit.kind == "layer" else f.culprit.kind
        cause.append(f"{what} at {where(f.culprit.file, f.culprit.line, f.culprit.cell)}", style="magenta")
        if f.culprit.code:
            cause.append(f"   {f.culprit.code}", style="dim")
        items.append(cause)
    if f.path:
        items.append(_path_table(f.path))
    if f.explanation:
        items.append(Padding(Text(f.explanation), (0, 2)))
    if f.fixes:
        items.append(Text("  fixes (verified with Keras):" if any(x.verified for x in f.fixes) else "  suggested fixes:",
                          style="bold green"))
        for i, fx in enumerate(f.fixes, 1):
            line = Text(f"  {i}. ", style="bold")
            line.append(fx.title)
            at = f" at {where(fx.file, fx.line, fx.cell)}" if fx.file and fx.line else ""
            tail = []
            if fx.result_shape:
                tail.append(f"output {fx.result_shape}")
            tail.append("verified" if fx.verified else "not verified")
            state, why = fx.writing
            if fx.verified:
                tail.append(state)
            line.append(f"{at}  ({', '.join(tail)})", style="dim")
            items.append(line)
            if fx.checks:
                items.append(Padding(Text(checks_text(fx.checks), style="dim"), (0, 0, 0, 6)))
            items.append(Padding(Code(fx.code), (0, 0, 0, 6)))
            if fx.note:
                items.append(Padding(Text(fx.note, style="dim italic"), (0, 0, 0, 6)))
            if fx.verified and why:
                items.append(Padding(Text(f"{state}: {why}", style="yellow"), (0, 0, 0, 6)))
        if f.why_first:
            items.append(Text(f"  why fix 1 first: {f.why_first}", style="dim"))
    elif f.severity == "error":
        items.append(Text("  no fix could be verified automatically", style="yellow"))
    if f.keras_message:
        items.append(Text(f"  keras said: {f.keras_message}", style="dim"))
    items.append(Text(""))
    return Group(*items)


class Code:
    """Python code, highlighted with rich's Syntax on a console that shows colour.

    Without colour (a pipe, a file, ``plain_text``) nothing of the highlighting is printed, so
    the same characters are drawn as plain Text, without importing Syntax and pygments:
    Syntax's own steps (tabs expanded to 4, line ends made ``\\n``, no wrapping).
    """

    def __init__(self, code: str):
        self.code = code

    def __rich_console__(self, console, options):
        if console.color_system is not None:
            from rich.syntax import Syntax

            yield Syntax(self.code, "python", theme="ansi_dark", background_color="default")
            return
        code = self.code.expandtabs(4).replace("\r\n", "\n").replace("\r", "\n")
        yield Text(code, tab_size=4, no_wrap=True)


def _path_table(path: list[PathStep], title: str | None = None) -> Padding:
    from rich.table import Table

    table = Table(title=title, show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    graph = any(step.inputs for step in path)  # ok paths: each row names the rows it took its inputs from
    table.add_column("layer", no_wrap=True)
    table.add_column("class", no_wrap=True)
    if graph:
        table.add_column("from", overflow="fold")
    table.add_column("output shape", no_wrap=True)
    table.add_column("source", overflow="fold")
    for step in path:
        style = {"culprit": "bold magenta", "consumer": "bold red"}.get(step.role, "")
        marker = {"culprit": " ← root cause", "consumer": " ← here"}.get(step.role, "")
        src = where(step.file, step.line, step.cell) if step.file and step.line else ""
        cells = [step.layer, step.cls] + ([step.inputs] if graph else []) + [step.output_shape + marker, src]
        table.add_row(*cells, style=style)
    return Padding(table, (0, 0, 0, 2))


def _training_table(calls: list[dict]) -> Padding:
    from rich.table import Table

    table = Table(title="shapes seen at training/inference calls", show_edge=False, pad_edge=False, box=None,
                  padding=(0, 2), title_justify="left")
    for col in ("call", "x", "y", "loss", "output", "source"):
        table.add_column(col)
    for c in calls:
        src = where(c.get("file"), c.get("line"))
        method = c["method"] + (f" (--quick: {c['quick']})" if c.get("quick") else "")
        table.add_row(method, cell_text(c.get("x")), cell_text(c.get("y")), cell_text(c.get("loss")), cell_text(c.get("output")), src)
    return Padding(table, (0, 0, 0, 2))


