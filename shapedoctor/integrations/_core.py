"""What the IPython extension, ``watch()`` and the pytest plugin share.

* one :class:`~shapedoctor.trace.recorder.Recorder` for the whole process, reference
  counted (:func:`acquire` / :func:`release`), installed only once Keras is imported: if
  Keras is not imported yet, a one-shot import hook installs it right after ``import keras``
  finishes, so shapedoctor never imports Keras itself (nor fixes its backend) before the user;
* :func:`diagnose`: the same pipeline as ``shapedoctor run`` (:mod:`shapedoctor.pipeline`), from an exception to a
  :class:`~shapedoctor.report.model.Diagnosis`, with source files relabelled (notebook cells);
* :func:`start_unit` / :func:`compact`: a long-lived recorder (a notebook, a test session)
  forgets per-cell state and stops keeping dead models alive.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import threading
import weakref
from typing import Any, Callable

from shapedoctor.report.model import Diagnosis

_lock = threading.RLock()


class _Shared:
    recorder: Any = None  # the installed Recorder, once Keras is imported
    error: BaseException | None = None  # why installing it failed, if it did (nothing is diagnosed then)
    users = 0
    owned = False  # False: borrowed from `shapedoctor run`, which installs and reports itself
    previous_current: Any = None
    hook: "_KerasImportHook | None" = None


def acquire() -> None:
    """One more user of the shared recorder; installs it (now or right after ``import keras``)."""
    with _lock:
        _Shared.users += 1
        if _Shared.users == 1:
            if "keras" in sys.modules:
                _install()
            else:
                _Shared.hook = _KerasImportHook(_installed_after_import)
                sys.meta_path.insert(0, _Shared.hook)


def release() -> None:
    """One user fewer; the last one uninstalls the recorder (or the pending import hook)."""
    with _lock:
        if _Shared.users <= 0:
            return
        _Shared.users -= 1
        if _Shared.users:
            return
        if _Shared.hook is not None:
            _Shared.hook.cancel()
            _Shared.hook = None
        recorder, owned = _Shared.recorder, _Shared.owned
        _Shared.recorder, _Shared.owned, _Shared.error = None, False, None
        if recorder is not None and owned:
            from shapedoctor.trace import recorder as _rec

            recorder.uninstall()
            if _rec.CURRENT is recorder:
                _rec.CURRENT = _Shared.previous_current
            _Shared.previous_current = None


def current() -> Any:
    """The shared recorder, or None while Keras is not imported (or nobody acquired it)."""
    if _Shared.recorder is None and _Shared.users and _Shared.error is None and "keras" in sys.modules:
        _installed_after_import()  # Keras came in past the hook (another finder served it)
    return _Shared.recorder


def owned() -> bool:
    """True when the shared recorder is ours (not borrowed from ``shapedoctor run``)."""
    return _Shared.owned


def install_error() -> BaseException | None:
    """Why the recorder could not be installed (e.g. an unsupported Keras), or None."""
    return _Shared.error


def _install() -> None:
    try:
        _install_recorder()
    except Exception as exc:  # noqa: BLE001 - the user's program runs on, undiagnosed
        _Shared.error = exc


def _install_recorder() -> None:
    from shapedoctor.trace import recorder as _rec

    running = _rec.CURRENT
    if running is not None and running.installed:
        # `shapedoctor run` (or another tool) already watches Keras: share its recorder.
        _Shared.recorder, _Shared.owned = running, False
        return
    recorder = _rec.Recorder()
    _use_training_checks(recorder)
    try:
        recorder.install()
    except BaseException:
        recorder.uninstall()  # whatever was patched before the failure
        _rec.CURRENT = running
        raise
    _Shared.previous_current = running
    _Shared.recorder, _Shared.owned = recorder, True


def _installed_after_import() -> None:
    with _lock:
        if _Shared.hook is not None:
            _Shared.hook.cancel()
            _Shared.hook = None
        if _Shared.users and _Shared.recorder is None and _Shared.error is None:
            _install()


def _use_training_checks(recorder: Any) -> None:
    """Let the recorder run the fit-time pre-flight checks, as ``shapedoctor run`` does."""
    if not hasattr(recorder, "on_training_call"):
        return
    from shapedoctor.pipeline import preflight

    recorder.on_training_call = preflight


class _KerasImportHook:
    """A one-shot ``sys.meta_path`` entry: runs *callback* right after ``keras`` is executed.

    It finds Keras's real spec through the other finders and wraps only that loader's
    ``exec_module`` (an instance attribute, removed again afterwards): the module, its
    loader and its spec stay Keras's own.
    """

    def __init__(self, callback: Callable[[], None]) -> None:
        self.callback = callback

    def cancel(self) -> None:
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass

    def find_spec(self, fullname: str, path: Any = None, target: Any = None):
        if fullname != "keras":
            return None
        self.cancel()
        try:
            spec = importlib.util.find_spec(fullname)
        except (ImportError, ValueError):
            return None
        loader = getattr(spec, "loader", None) if spec is not None else None
        exec_module = getattr(loader, "exec_module", None)
        if exec_module is None:
            return None
        callback = self.callback

        def exec_and_install(module):
            try:
                exec_module(module)
            finally:
                try:
                    del loader.exec_module
                except AttributeError:
                    pass
            try:
                callback()
            except Exception:  # noqa: BLE001 - never break the user's `import keras`
                pass

        try:
            loader.exec_module = exec_and_install
        except (AttributeError, TypeError):
            return None
        return spec


# -- per-unit state (a notebook cell, a test) ------------------------------------------------
def start_unit(recorder: Any) -> None:
    """Forget what the previous cell/test left behind, and stop keeping dead models alive."""
    if recorder is None:
        return
    recorder.failure = None
    for name in ("runs", "training_calls", "merge_broadcasts", "internal_errors"):
        value = getattr(recorder, name, None)
        if isinstance(value, list):
            value.clear()
    watch = getattr(recorder, "op_watch", None)
    if watch is not None:
        watch.clear()
    compact(recorder)


class _SlimRecord:
    """What a compacted recorder keeps of a finished symbolic layer call: its site.

    The layer is held weakly (it is alive as long as the tensor it produced is: the tensor's
    ``_keras_history`` points at it). The graph builder reads only ``site`` from the records of
    symbolic tensors; their inputs come from Keras's own history.
    """

    __slots__ = ("_layer", "site", "depth", "stage", "__weakref__")
    args: tuple = ()
    outputs = None
    error = None
    symbolic = True

    def __init__(self, record: Any) -> None:
        self._layer = weakref.ref(record.layer)
        self.site = record.site
        self.depth = record.depth
        self.stage = record.stage

    @property
    def layer(self) -> Any:
        return self._layer()

    @property
    def kwargs(self) -> dict:
        return {}


def compact(recorder: Any) -> None:
    """Stop the recorder from keeping layers (and their weights) alive.

    The recorder keeps every recorded layer alive so that ``id()`` keys stay unique. Between
    cells and tests no call is in flight, so the layers can be held weakly instead: a
    finalizer removes a layer's entries when it dies, before its id can be reused. Records
    of finished symbolic calls shrink to their call site (dropped with their tensor); records
    of eager calls are dropped (an eager tensor from an earlier cell then counts as data).
    """
    layers = getattr(recorder, "_layers", None)
    if isinstance(layers, dict):
        ref = weakref.ref(recorder)
        for lid, layer in list(layers.items()):
            try:
                weakref.finalize(layer, _forget_layer, ref, lid)
            except TypeError:  # not weak-referenceable: keep it
                continue
            del layers[lid]
    producers = getattr(recorder, "producers", None)
    if not isinstance(producers, dict):
        return
    from shapedoctor.trace.recorder import is_symbolic

    ref = weakref.ref(recorder)
    for tid, record in list(producers.items()):
        if isinstance(record, _SlimRecord):
            continue
        tensor = _find_output(record, tid)
        if tensor is None or not is_symbolic(tensor) or getattr(record, "layer", None) is None:
            del producers[tid]
            continue
        try:
            slim = _SlimRecord(record)
            weakref.finalize(tensor, _forget_tensor, ref, tid, slim)
        except TypeError:
            continue
        producers[tid] = slim
    kept = getattr(recorder, "_kept", None)
    if isinstance(kept, list):
        kept.clear()


def _find_output(record: Any, tid: int) -> Any:
    try:
        from keras import tree

        for out in tree.flatten(record.outputs):
            if id(out) == tid:
                return out
    except Exception:  # noqa: BLE001
        return None
    return None


def _forget_layer(ref: Any, lid: int) -> None:
    recorder = ref()
    if recorder is None:
        return
    recorder.created.pop(lid, None)
    auto = getattr(recorder, "auto_inputs", None)
    if isinstance(auto, set):
        auto.discard(lid)


def _forget_tensor(ref: Any, tid: int, slim: _SlimRecord) -> None:
    recorder = ref()
    if recorder is not None and recorder.producers.get(tid) is slim:
        del recorder.producers[tid]


# -- diagnosis -------------------------------------------------------------------------------
ATTR = "__shapedoctor__"  # where a diagnosis is cached on the exception it explains


def diagnose(recorder: Any, exc: BaseException, relabel: Callable[[str], str | None] | None = None
             ) -> Diagnosis | None:
    """The diagnosis of *exc* if it is a Keras shape error shapedoctor knows, else None.

    Uses the engine of ``shapedoctor run`` (fit-time checks included, where present). The
    result is cached on the exception, so each front end computes it once. May raise: callers
    must keep their user's error visible whatever happens here.
    """
    cached = getattr(exc, ATTR, None)
    if isinstance(cached, Diagnosis):
        return cached
    if recorder is None or not isinstance(exc, Exception):
        return None
    from shapedoctor import pipeline

    findings = _findings(recorder, exc)
    if not any(f.severity == "error" for f in findings):
        return None
    diagnosis = Diagnosis(findings=findings, source="api")
    try:  # context only: the shapes seen at this cell's/test's fit/evaluate/predict calls
        diagnosis.training_calls = [pipeline.call_summary(c) for c in getattr(recorder, "training_calls", [])]
    except Exception:  # noqa: BLE001
        pass
    if relabel is not None:
        relabel_files(diagnosis, relabel)
    try:
        setattr(exc, ATTR, diagnosis)
    except (AttributeError, TypeError):
        pass
    return diagnosis


def _findings(recorder: Any, exc: BaseException) -> list:
    """The pipeline's findings (one seam, so a test can make diagnosing fail on purpose)."""
    from shapedoctor import pipeline

    return list(pipeline.findings(recorder, exc))


def relabel_files(diagnosis: Diagnosis, relabel: Callable[[str], str | None]) -> None:
    """Show each source file under its label (e.g. a notebook cell's file as ``cell [3]``).

    Diagnosing runs on the real file names (the code generator reads sources through
    ``linecache`` by them); only the finished report is relabelled.
    """
    names: dict[str, str] = {}

    def label(file: str | None) -> str | None:
        if not file:
            return file
        if file not in names:
            names[file] = relabel(file) or file
        return names[file]

    for finding in diagnosis.findings:
        for place in (finding.consumer, finding.culprit):
            if place is not None:
                place.file = label(place.file)
        for step in finding.path:
            step.file = label(step.file)
        for fix in finding.fixes:
            fix.file = label(fix.file)
    for path in diagnosis.ok_paths:
        for step in path:
            step.file = label(step.file)
    for call in getattr(diagnosis, "training_calls", None) or []:
        if isinstance(call, dict) and isinstance(call.get("file"), str):
            call["file"] = label(call["file"])
    renamed = {old: new for old, new in names.items() if old != new}
    if not renamed:
        return
    pattern = re.compile("|".join(re.escape(old) for old in sorted(renamed, key=len, reverse=True)))

    def sub(text: str | None) -> str | None:
        return pattern.sub(lambda m: renamed[m.group(0)], text) if text else text

    for finding in diagnosis.findings:
        finding.message = sub(finding.message)
        finding.explanation = sub(finding.explanation)
        for fix in finding.fixes:
            fix.title, fix.note = sub(fix.title), sub(fix.note)
    diagnosis.notes = [sub(n) for n in diagnosis.notes]
