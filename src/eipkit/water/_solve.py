"""Solver plumbing shared by the water engines: quiet HiGHS runs and status mapping."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["quiet", "require_linopy"]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence C-level solver banners on stdout/stderr (they would corrupt ``--json`` output)."""
    try:
        fds = (sys.stdout.fileno(), sys.stderr.fileno())
    except (AttributeError, OSError, ValueError):  # captured streams (tests) have no file descriptor
        yield
        return
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(fd) for fd in fds]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in fds:
            os.dup2(null, fd)
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, copy in zip(fds, saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)


def require_linopy() -> Any:
    """Import linopy, or raise an ImportError naming the extra to install."""
    try:
        import highspy  # noqa: F401
        import linopy
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("eipkit.water optimisation needs the 'opt' extra: pip install 'eipkit[opt]'") from exc
    return linopy
