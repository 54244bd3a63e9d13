"""Log lines that say which job and ticket they are about, whoever logs them (the desk, Django, Celery)."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

# The job run (and its ticket or document) the current code works for; set by the task wrapper.
_context: contextvars.ContextVar[dict[str, int | str | None]] = contextvars.ContextVar(
    "job_context", default={}  # noqa: B039 - never mutated: job_context sets a new dict
)
FIELDS = ("job_id", "ticket_id", "document_id", "celery_task_id")


@contextlib.contextmanager
def job_context(**ids: int | str | None) -> Iterator[None]:
    """Tag every log record made inside the block with these ids."""
    token = _context.set({**_context.get(), **{k: v for k, v in ids.items() if v not in (None, "")}})
    try:
        yield
    finally:
        _context.reset(token)


def install() -> None:
    """Give every log record the current ids as attributes, and a short `context` text for formats."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "adds_job_context", False):
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        current = _context.get()
        # Only the ids that are known: JSON lines then carry them as fields, others carry none.
        for name, value in current.items():
            setattr(record, name, value)
        record.context = "".join(f" {name}={current[name]}" for name in FIELDS if name in current)
        return record

    factory.adds_job_context = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
