"""Several kernels writing progress at once lose nothing, and readers always see valid JSON."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

from ctcoop.paths import PROGRESS_ENV

WRITERS = 8
RECORDS = 25
IDS = ("01.mc", "01.multi", "01.order")


def write_attempts(path: str, writer: int) -> None:
    """One 'kernel': RECORDS attempts spread over IDS, every fifth one solved."""
    os.environ[PROGRESS_ENV] = path
    from ctcoop.record.progress import record_attempt

    for n in range(RECORDS):
        record_attempt(IDS[(writer + n) % len(IDS)], solved=n % 5 == 4)


def read_until_stopped(path: str, stop, results) -> None:
    """A reader polling the file while the writers run; counts reads and bad parses."""
    reads = bad = 0
    while not stop.is_set() or reads == 0:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        reads += 1
        try:
            json.loads(text)
        except json.JSONDecodeError:
            bad += 1
    results.put((reads, bad))


def test_concurrent_writers_lose_nothing(progress_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    path = str(progress_path)
    progress_path.parent.mkdir(parents=True)
    stop, results = context.Event(), context.Queue()
    reader = context.Process(target=read_until_stopped, args=(path, stop, results))
    reader.start()
    writers = [context.Process(target=write_attempts, args=(path, w)) for w in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    stop.set()
    reads, bad = results.get(timeout=60)
    reader.join(timeout=60)

    assert [process.exitcode for process in writers] == [0] * WRITERS
    store = json.loads(progress_path.read_text(encoding="utf-8"))
    entries = store["exercises"]
    assert sum(entry["attempts"] for entry in entries.values()) == WRITERS * RECORDS
    assert set(entries) == set(IDS)
    assert all(entry["solved"] and entry["first_solved"] for entry in entries.values())
    assert reads > 0 and bad == 0
    leftovers = [p.name for p in progress_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
