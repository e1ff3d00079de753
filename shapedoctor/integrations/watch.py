"""``shapedoctor.watch()``: diagnose a Keras shape error leaving a block or a function.

::

    import shapedoctor

    with shapedoctor.watch():
        model = build()
        model.fit(x, y)

    @shapedoctor.watch          # or @shapedoctor.watch()
    def train(): ...

While a watch is active, Keras is recorded as under ``shapedoctor run`` (from ``import keras``
on, if Keras is not imported yet). When a shape error leaves the block, the original
exception is re-raised unchanged (same type, same object, same traceback) with the
diagnosis attached: as a note (``exc.add_note``, plain text) that Python prints under the
traceback, and as ``exc.__shapedoctor__`` (a :class:`~shapedoctor.report.model.Diagnosis`).
Other exceptions pass through untouched. Nested watches share one recorder: only the
outermost installs and removes it, and the diagnosis is attached once.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from shapedoctor.integrations import _core
from shapedoctor.render.plain import plain_text

NOTE_HEADER = "shapedoctor diagnosis:"


class watch:
    """Context manager and decorator; see the module docstring."""

    def __init__(self, func: Callable | None = None, *, width: int = 100) -> None:
        self.width = width
        if func is not None:  # used bare: @watch
            functools.update_wrapper(self, func)
        self._func = func

    # -- context manager ---------------------------------------------------------------------
    def __enter__(self) -> "watch":
        _core.acquire()
        return self

    def __exit__(self, etype, exc, tb) -> bool:
        try:
            if exc is not None and isinstance(exc, Exception):
                self._attach(exc)
        finally:
            _core.release()
        return False  # never swallow: the original exception propagates as it was

    def _attach(self, exc: BaseException) -> None:
        if getattr(exc, _core.ATTR, None) is not None:
            return  # an inner watch (or another front end) already explained it
        if not _core.owned():
            return  # `shapedoctor run` is watching: it diagnoses and prints the error itself
        try:
            diagnosis = _core.diagnose(_core.current(), exc)
            if diagnosis is None:
                return
            text = plain_text(diagnosis, self.width)
            exc.add_note(f"{NOTE_HEADER}\n{text.rstrip()}")
        except Exception as inner:  # noqa: BLE001 - never hide or replace the user's error
            try:
                exc.add_note(f"shapedoctor: could not diagnose this error ({type(inner).__name__}: {inner})")
            except Exception:  # noqa: BLE001
                pass

    # -- decorator ---------------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._func is not None:  # @watch (bare): self wraps the function
            with watch(width=self.width):
                return self._func(*args, **kwargs)
        if len(args) == 1 and not kwargs and callable(args[0]):  # @watch(): decorate
            return self._decorate(args[0])
        raise TypeError("watch() takes a function to decorate, or is used as `with shapedoctor.watch():`")

    def _decorate(self, func: Callable) -> Callable:
        width = self.width
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                with watch(width=width):
                    return await func(*args, **kwargs)

            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with watch(width=width):
                return func(*args, **kwargs)

        return wrapper

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        """``@watch`` on a method: bind like a function."""
        if self._func is None or obj is None:
            return self
        return functools.partial(self.__call__, obj)

    def __repr__(self) -> str:
        target = f" {getattr(self._func, '__qualname__', self._func)!r}" if self._func is not None else ""
        return f"<shapedoctor.watch{target}>"
