"""Query worker processes for the on-disk Oxigraph store: the time limit's fast path.

A query that must be stoppable has to run outside the server process (pyoxigraph cannot cancel a
query), but starting a process per query costs ~100 ms. So a small pool of long-lived workers
(``python -m clustergraph.sparql_workers STORE_PATH``) each keeps a read-only instance of the store
open (``OxigraphStore.read_only``) and answers queries sent over its stdin/stdout: length-prefixed
pickles of ``(method, args, kwargs)`` in, packed answers out (:func:`pack_result`, also used by the forked children of
:mod:`clustergraph.sparql_limits`). A query costs one round trip.

At the deadline the worker running the query is killed and a fresh one is started in the
background; the other workers keep answering. A worker notices writes to the store (the names and
sizes of RocksDB's log and manifest files change) and reopens its read-only instance before the
next query; when a compaction of the server's store removed a file under it, it reopens and
retries once. Workers exit when their stdin closes, so they never outlive the server.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Graph

from clustergraph.errors import ClusterGraphError, QueryError, QueryTimeout, StoreError
from clustergraph.store.base import QueryResult
from clustergraph.store.results import SerializedResult

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">Q")
START_SECONDS = 60.0  # a worker must be ready this long after it was started
OPEN_ATTEMPTS = 5


def write_frame(out: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def read_frame(stream: BinaryIO) -> Any:
    """The next pickled frame, or ``EOFError`` when the stream ends."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


# --- answers across a process boundary ---------------------------------------------------------

def pack_result(result: QueryResult | SerializedResult) -> tuple:
    """A picklable form of a query answer (``SerializedResult`` and ``Graph`` do not pickle as is)."""
    if isinstance(result, SerializedResult):
        return ("serialized", bytes(result), result.kind, result.format, result.truncated)
    triples = list(result.graph) if result.graph is not None else None
    return ("result", result.kind, result.vars, result.rows, result.boolean, triples, result.truncated)


def unpack_result(packed: tuple) -> QueryResult | SerializedResult:
    if packed[0] == "error":
        raise_packed_error(packed)
    if packed[0] == "serialized":
        _, data, kind, fmt, truncated = packed
        return SerializedResult(data, kind=kind, format=fmt, truncated=truncated)
    _, kind, variables, rows, boolean, triples, truncated = packed
    graph = None
    if triples is not None:
        graph = Graph()
        for triple in triples:
            graph.add(triple)
    return QueryResult(kind, vars=variables, rows=rows, boolean=boolean, graph=graph, truncated=truncated)


def pack_error(exc: BaseException) -> tuple:
    return ("error", type(exc).__name__, str(exc), getattr(exc, "position", None))


def raise_packed_error(packed: tuple) -> None:
    _, name, message, position = packed
    if name == "QueryError":
        raise QueryError(message, position=position)
    if name == "QueryTimeout":
        raise QueryTimeout(message)
    if name in ("StoreError", "ConfigError"):
        raise StoreError(message)
    raise StoreError(f"the query worker failed: {name}: {message}")


class _Worker:
    """One worker process, its pipes, and a thread that reads its answers into a queue."""

    def __init__(self, store_path: Path):
        package_root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = package_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "clustergraph.sparql_workers", str(store_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True,
        )
        self.answers: queue.Queue = queue.Queue()
        self.reader = threading.Thread(target=self._read, name=f"sparql-worker-{self.proc.pid}", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while True:
                self.answers.put(read_frame(self.proc.stdout))
        except (EOFError, OSError, pickle.UnpicklingError):
            self.answers.put(EOFError())

    def send(self, obj: Any) -> None:
        write_frame(self.proc.stdin, obj)

    def receive(self, timeout: float | None) -> Any:
        answer = self.answers.get(timeout=timeout)  # queue.Empty at the timeout
        if isinstance(answer, EOFError):
            raise StoreError(f"the query worker process {self.proc.pid} ended unexpectedly (see the server log)")
        return answer

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass
        threading.Thread(target=self.proc.wait, daemon=True).start()


class WorkerPool:
    """Up to ``size`` workers over the store at ``store_path``, started when first needed."""

    def __init__(self, store_path: str | Path, size: int):
        self.store_path = Path(store_path)
        self.size = max(1, size)
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._count = 0  # running or starting
        self._starting = 0
        self._failure: str | None = None
        self._closed = False
        self._workers: set[_Worker] = set()
        # kills the workers when the pool is collected, and at the latest when Python exits
        self._finalizer = weakref.finalize(self, WorkerPool._shutdown, self._workers)

    # --- lifecycle -------------------------------------------------------------------------

    def _start_one(self) -> None:
        """Start a worker in the background; it joins the idle ones once its store is open.
        Called with ``_lock`` held, after counting the worker in ``_count``."""
        self._starting += 1

        def boot() -> None:
            worker = None
            try:
                worker = _Worker(self.store_path)
                ready = worker.receive(START_SECONDS)
                if ready[0] != "ready":
                    raise StoreError(ready[2] if ready[0] == "error" else f"unexpected worker greeting {ready!r}")
            except (ClusterGraphError, queue.Empty, OSError) as exc:
                message = str(exc) or "the query worker did not start in time"
                log.error("query worker for %s failed to start: %s", self.store_path, message)
                if worker is not None:
                    worker.kill()
                with self._lock:
                    self._count -= 1
                    self._starting -= 1
                    self._failure = message
                return
            with self._lock:
                self._starting -= 1
                self._failure = None
                if self._closed:
                    worker.kill()
                    self._count -= 1
                    return
                self._workers.add(worker)
            self._idle.put(worker)

        threading.Thread(target=boot, name="sparql-worker-boot", daemon=True).start()

    def _grow(self) -> None:
        """Keep one worker starting while the pool is below its size and none is idle, so the
        next concurrent query finds a worker ready instead of waiting for one to boot."""
        with self._lock:
            if self._count < self.size and self._starting == 0 and self._idle.empty() and not self._closed:
                self._count += 1
                self._start_one()

    def _acquire(self, wait: float) -> _Worker:
        deadline = time.monotonic() + wait
        while True:
            self._grow()
            try:
                worker = self._idle.get(timeout=min(0.5, max(deadline - time.monotonic(), 0.001)))
            except queue.Empty:
                with self._lock:
                    failure, count = self._failure, self._count
                if failure and count == 0:
                    raise StoreError(f"no query worker could open the store at {self.store_path}: {failure}") from None
                if time.monotonic() >= deadline:
                    raise QueryTimeout(f"the server is busy: no query worker became free within {wait:g} s") from None
                continue
            self._grow()
            return worker

    def warm(self, count: int | None = None, wait: float = START_SECONDS) -> int:
        """Start workers until ``count`` (default: the pool's size) are idle, waiting at most
        ``wait`` seconds; the number idle at the end."""
        count = min(count or self.size, self.size)
        with self._lock:
            while self._count < count:
                self._count += 1
                self._start_one()
        deadline = time.monotonic() + wait
        while self._idle.qsize() < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self._idle.qsize()

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._count -= 1
            self._workers.discard(worker)

    # --- queries ---------------------------------------------------------------------------

    def run(self, method: str, args: tuple, kwargs: dict, timeout: float, timeout_error: QueryTimeout) -> tuple:
        """Run ``store.<method>(*args, **kwargs)`` in a worker; the packed answer
        (:func:`unpack_result` reads it). Waiting for a free worker is bounded by
        ``timeout + START_SECONDS``; the query itself by ``timeout``."""
        worker = self._acquire(timeout + START_SECONDS)
        try:
            worker.send((method, args, kwargs))
            answer = worker.receive(timeout)
        except queue.Empty:
            self._drop(worker)
            raise timeout_error from None
        except StoreError:
            self._drop(worker)
            raise
        except OSError as exc:  # the worker's pipe broke: it died
            self._drop(worker)
            raise StoreError(f"the query worker process {worker.proc.pid} ended unexpectedly: {exc}") from None
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._finalizer()

    @staticmethod
    def _shutdown(workers: set) -> None:
        for worker in list(workers):
            worker.kill()
        workers.clear()


# --- the worker process ---------------------------------------------------------------------------

def _fingerprint(path: Path) -> tuple:
    """What changes when the store is written: RocksDB's log and manifest files, names and sizes."""
    try:
        entries = os.scandir(path)
    except OSError:
        return ()
    with entries:
        return tuple(sorted(
            (entry.name, entry.stat().st_size)
            for entry in entries
            if entry.name.endswith(".log") or entry.name.startswith(("MANIFEST", "CURRENT"))
        ))


def _open(path: Path):
    from clustergraph.store.oxigraph import OxigraphStore

    for attempt in range(OPEN_ATTEMPTS):
        try:
            return OxigraphStore.read_only(path)
        except ClusterGraphError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))  # a compaction replaced a file while we opened
    raise AssertionError("unreachable")


def worker_main(store_path: str) -> None:  # pragma: no cover - runs in the worker process
    """Serve queries on stdin/stdout until stdin closes (the server went away: exit quietly)."""
    try:
        _serve(Path(store_path), sys.stdin.buffer, sys.stdout.buffer)
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        pass


def _serve(path: Path, requests: BinaryIO, answers: BinaryIO) -> None:  # pragma: no cover
    sys.stdout = sys.stderr  # a stray print() must not corrupt the protocol
    try:
        fingerprint, store = _fingerprint(path), _open(path)
    except Exception as exc:
        write_frame(answers, pack_error(exc))
        return
    write_frame(answers, ("ready", os.getpid()))
    while True:
        method, args, kwargs = read_frame(requests)  # EOFError when the server closes the pipe
        try:
            current = _fingerprint(path)
            if current != fingerprint:
                fingerprint, store = current, _open(path)
            try:
                packed = pack_result(getattr(store, method)(*args, **kwargs))
            except StoreError:  # a file went away under the read-only instance: reopen, once
                fingerprint, store = _fingerprint(path), _open(path)
                packed = pack_result(getattr(store, method)(*args, **kwargs))
        except Exception as exc:
            packed = pack_error(exc)
        write_frame(answers, packed)


if __name__ == "__main__":  # pragma: no cover
    worker_main(sys.argv[1])
