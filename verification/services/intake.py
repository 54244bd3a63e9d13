"""Send the intake's tasks (polls, fetches) once the surrounding transaction commits; the one place to
change when tasks are published another way."""

from __future__ import annotations


def intake_enqueue(task_name: str, *args, run_id: int | None = None) -> None:
    """Send the named task with args after commit, so the worker finds every row it is given."""
    from verification import tasks  # tasks import services; importing here breaks the cycle

    task = getattr(tasks, task_name)
    if run_id is None:
        task.delay_on_commit(*args)
    else:
        task.delay_on_commit(*args, run_id=run_id)
