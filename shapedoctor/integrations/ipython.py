"""The IPython/Jupyter extension: ``%load_ext shapedoctor``.

After ``%load_ext shapedoctor``, a cell that fails with a Keras shape error shows IPython's
normal traceback, then the diagnosis under it: HTML in Jupyter (a display output after the
error output), rich text in a terminal IPython. Source lines are reported as
*cell [N], line M*. ``%shapedoctor off`` pauses (plain tracebacks, Keras no longer
recorded), ``%shapedoctor on`` resumes, ``%shapedoctor`` says which.

How it hooks in:

* errors: ``InteractiveShell.set_custom_exc`` with a handler that first shows the error as
  before (IPython's own traceback, or the custom handler that was registered before ours,
  which is chained, not replaced), then the diagnosis. Whatever goes wrong inside
  shapedoctor, the user's traceback is shown and one line says shapedoctor failed;
* recording: the shared recorder of :mod:`shapedoctor.integrations._core`, installed when
  Keras is imported (at ``%load_ext`` if it already is). Layers created before that have
  no source line; the report still shows their names, classes and shapes, and a note says
  to re-run the cells that build the model;
* cells: IPython compiles each cell under its own file name (``<ipython-input-3-…>`` in a
  terminal, ``/tmp/ipykernel_…/….py`` in a kernel) and its compiler remembers which
  execution count each name belongs to; the finished report shows those files as
  ``cell [N]`` (``file`` = ``"cell [3]"``, ``line`` = the line within the cell in JSON).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from shapedoctor.integrations import _core

_EXT_ATTR = "_shapedoctor_extension"
_INPUT_NAME = re.compile(r"^<ipython-input-(\d+)-")
_CELL_LABEL = re.compile(r"^In ?\[(\d+)\]$")
NOT_RECORDED_NOTE = ("some layers were created before `%load_ext shapedoctor` (or while it was off) and have "
                     "no source line: re-run the cells that build the model to see them")


class ShapedoctorExtension:
    """The extension's state for one shell."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.enabled = False
        self.active = True  # False once unloaded while another handler sits on top of ours
        self.previous_exceptions: tuple = ()
        self.previous_handler: Any = None
        self.our_handler: Any = None
        # Layers may exist that were never recorded: Keras was imported before, or we were paused.
        self.unrecorded_layers = "keras" in sys.modules

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        shell = self.shell
        self.previous_exceptions = tuple(shell.custom_exceptions or ())
        self.previous_handler = shell.CustomTB if self.previous_exceptions else None
        handled = tuple(dict.fromkeys((Exception,) + self.previous_exceptions))
        shell.set_custom_exc(handled, self._handle)
        self.our_handler = shell.CustomTB
        shell.events.register("pre_run_cell", self._pre_run_cell)
        shell.register_magic_function(self.magic, magic_kind="line", magic_name="shapedoctor")
        self.enable()
        if _core.install_error() is not None:
            error = _core.install_error()
            print(f"shapedoctor: cannot record Keras ({type(error).__name__}: {error}); "
                  "tracebacks stay as they are.", file=sys.stderr)

    def unload(self) -> None:
        self.disable()
        shell = self.shell
        try:
            shell.events.unregister("pre_run_cell", self._pre_run_cell)
        except ValueError:
            pass
        if shell.CustomTB == self.our_handler:
            shell.CustomTB = self.previous_handler if self.previous_handler is not None else _default_handler(shell)
            shell.custom_exceptions = self.previous_exceptions
        else:  # someone chained on top of us: stay in the chain, as a pass-through
            self.active = False
        magics = shell.magics_manager.magics.get("line", {})
        if magics.get("shapedoctor") == self.magic:
            del magics["shapedoctor"]

    def enable(self) -> None:
        if not self.enabled:
            _core.acquire()
            self.enabled = True

    def disable(self) -> None:
        if self.enabled:
            self.enabled = False
            self.unrecorded_layers = True
            _core.release()

    # -- the line magic ------------------------------------------------------------------------
    def magic(self, line: str = "") -> None:
        """%shapedoctor [on|off]: resume or pause the diagnosis of Keras shape errors."""
        arg = line.strip().lower()
        if arg in ("on", "enable", "1", "true"):
            self.enable()
        elif arg in ("off", "disable", "0", "false"):
            self.disable()
        elif arg not in ("", "status"):
            print(f"usage: %shapedoctor [on|off]   (got {line.strip()!r})", file=sys.stderr)
            return
        state = "on: Keras shape errors are diagnosed" if self.enabled else "off: plain tracebacks"
        if self.enabled and _core.install_error() is not None:
            error = _core.install_error()
            state = f"on, but cannot record Keras ({type(error).__name__}: {error})"
        elif self.enabled and _core.current() is None:
            state += " (recording starts at `import keras`)"
        print(f"shapedoctor is {state}")

    # -- per cell ------------------------------------------------------------------------------
    def _pre_run_cell(self, info: Any = None) -> None:
        try:
            if not self.enabled:
                return
            self._register_cell_file(info)
            _core.start_unit(_core.current())
        except Exception:  # noqa: BLE001 - never disturb the cell
            pass

    def _register_cell_file(self, info: Any) -> None:
        """Count this cell's file as user code (kernels put cells under the OS temp dir)."""
        raw = getattr(info, "raw_cell", None)
        compiler = getattr(self.shell, "compile", None)
        if raw is None or compiler is None or not hasattr(compiler, "get_code_name"):
            return
        from shapedoctor.trace.sites import is_user_file, register_display_name

        name = compiler.get_code_name(raw, raw, self.shell.execution_count)
        if isinstance(name, str) and not is_user_file(name):
            register_display_name(name, name)

    # -- errors --------------------------------------------------------------------------------
    def _handle(self, shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None):
        """IPython's custom exception handler: the error as before, then the diagnosis."""
        try:
            self._show_error(etype, value, tb, tb_offset)
        except Exception as inner:  # noqa: BLE001 - fall back to Python's own formatting
            import traceback

            traceback.print_exception(etype, value, tb)
            print(f"shapedoctor: the traceback above is Python's plain one ({type(inner).__name__} while showing "
                  "IPython's)", file=sys.stderr)
        if not (self.active and self.enabled) or not isinstance(value, Exception) or isinstance(value, SyntaxError):
            return None
        try:
            if _already_noted(value):
                return None  # shapedoctor.watch() put the diagnosis in the traceback already
            diagnosis = _core.diagnose(_core.current(), value, relabel=self.cell_label)
            if diagnosis is None:
                return None
            if self.unrecorded_layers and _unsited_layers(diagnosis) and NOT_RECORDED_NOTE not in diagnosis.notes:
                diagnosis.notes.append(NOT_RECORDED_NOTE)
            self._show_diagnosis(diagnosis)
        except Exception as inner:  # noqa: BLE001 - the user's error is shown above, whatever happens here
            print(f"shapedoctor: could not diagnose this error ({type(inner).__name__}: {inner}); "
                  "the traceback above is unchanged.", file=sys.stderr)
        return None

    def _show_error(self, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> None:
        if self.previous_handler is not None and isinstance(value, self.previous_exceptions):
            self.previous_handler(etype, value, tb, tb_offset)
        else:
            self.shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)

    def _show_diagnosis(self, diagnosis: Any) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        if getattr(self.shell, "kernel", None) is not None:  # Jupyter: HTML (+ text, + JSON)
            from IPython.display import display

            display(diagnosis)
            return
        from rich.console import Console

        Console(file=sys.stdout, highlight=False).print(diagnosis)
        sys.stdout.flush()

    def cell_label(self, filename: str) -> str | None:
        """``cell [N]`` for the file IPython compiled cell N under, else None."""
        number = None
        compiler = getattr(self.shell, "compile", None)
        known = getattr(compiler, "_filename_map", None)
        if isinstance(known, dict):
            number = known.get(filename)
        if number is None and hasattr(compiler, "format_code_name"):
            try:
                named = compiler.format_code_name(filename)
            except Exception:  # noqa: BLE001
                named = None
            m = _CELL_LABEL.match(named[1]) if named else None
            number = int(m.group(1)) if m else None
        if number is None:
            m = _INPUT_NAME.match(filename)
            number = int(m.group(1)) if m else None
        return f"cell [{number}]" if number is not None else None


def _unsited_layers(diagnosis: Any) -> bool:
    """Does the shape path show a layer with no source line (one made before recording began)?"""
    for finding in diagnosis.findings:
        for step in finding.path:
            if not step.file and step.cls != "data" and not step.cls.endswith(("Sequential", "Functional", "Model")):
                return True
    return False


def _already_noted(exc: BaseException) -> bool:
    from shapedoctor.integrations.watch import NOTE_HEADER

    return any(isinstance(n, str) and n.startswith(NOTE_HEADER) for n in getattr(exc, "__notes__", ()) or ())


def _default_handler(shell: Any) -> Any:
    """IPython's own handler for 'no custom exceptions' (what a fresh shell has)."""
    shell.set_custom_exc((), None)
    return shell.CustomTB


def load_ipython_extension(ipython: Any) -> None:
    ext = getattr(ipython, _EXT_ATTR, None)
    if isinstance(ext, ShapedoctorExtension) and ext.active:
        ext.enable()
        return
    ext = ShapedoctorExtension(ipython)
    setattr(ipython, _EXT_ATTR, ext)
    ext.load()


def unload_ipython_extension(ipython: Any) -> None:
    ext = getattr(ipython, _EXT_ATTR, None)
    if isinstance(ext, ShapedoctorExtension):
        ext.unload()
        setattr(ipython, _EXT_ATTR, None)
