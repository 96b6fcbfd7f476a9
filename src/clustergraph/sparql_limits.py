"""A time limit on SPARQL queries that really stops the work.

pyoxigraph evaluates a query in native code with the GIL released and offers no way to cancel it;
checking a deadline between result rows does not help either, since an aggregate or an ``ORDER BY``
computes everything before the first row. So the work runs in another process that can be
killed, chosen per back-end (:func:`strategy_for`):

=========================  ===================================================================
back-end                   how a query is stopped at the deadline
=========================  ===================================================================
oxigraph, on disk          **pool**: long-lived worker processes each keep a read-only instance
                           of the store open (:mod:`clustergraph.sparql_workers`); the worker
                           running the query is killed and replaced
oxigraph, in memory;       **fork**: a child forked per query runs it on its copy-on-write
memory (rdflib)            snapshot of the data and is killed at the deadline (the rdflib store
                           is forked while holding its locks, ``MemoryStore.quiesced``)
sparql (remote)            **abandon**: runs in a thread; at the deadline the caller gets the
                           timeout and the request is left to the endpoint's own limits
=========================  ===================================================================

Where ``os.fork`` does not exist (Windows), the in-memory stores use **interrupt**: the query runs
in a thread and at the deadline an exception is raised inside it (``PyThreadState_SetAsyncExc``);
rdflib evaluates in Python and stops at the next bytecode (pyoxigraph would not, and is abandoned).

Why not fork per query on disk too: a child forked while another thread is inside RocksDB
inherits its locks (20 of 300 such forks hung in a stress test), and opening a read-only instance
per query costs 40-60 ms; the pool pays that once per worker. See docs/sparql.md for the figures.
"""

from __future__ import annotations

import ctypes
import logging
import os
import pickle
import select
import signal
import threading
import time
from typing import Any, Callable

from clustergraph.errors import QueryTimeout, StoreError
from clustergraph.sparql_workers import pack_error, pack_result, unpack_result
from clustergraph.store.base import QueryResult, Store
from clustergraph.store.results import SerializedResult

log = logging.getLogger(__name__)

STRATEGIES = ("pool", "fork", "interrupt", "abandon")


class _Deadline(BaseException):
    """Raised inside a query thread at its deadline (a BaseException: ``except Exception`` in
    library code must not swallow it)."""


def strategy_for(store: Store) -> str:
    """How queries on ``store`` are stopped: ``pool``, ``fork``, ``interrupt`` or ``abandon``."""
    can_fork = hasattr(os, "fork")
    if store.name == "oxigraph" and getattr(store, "path", None) is not None:
        return "pool"
    if store.name == "oxigraph":
        return "fork" if can_fork else "abandon"
    if store.name == "memory":
        return "fork" if can_fork and hasattr(store, "quiesced") else "interrupt"
    return "abandon"


# --- the runner -----------------------------------------------------------------------------------

class QueryRunner:
    """Runs queries on ``store`` with a time limit of ``timeout`` seconds (``None`` or 0: none).

    :meth:`query` and :meth:`query_serialized` take the store's arguments. At most ``max_workers``
    queries run at once (the pool's size; waiting for a free one is not counted in the limit).
    """

    def __init__(self, store: Store, timeout: float | None, *, max_workers: int | None = None,
                 strategy: str | None = None):
        self.store = store
        self.timeout = timeout if timeout and timeout > 0 else None
        self.strategy = strategy or strategy_for(store)
        if self.strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {self.strategy!r}")
        self.max_workers = max_workers or min(4, max(2, os.cpu_count() or 2))
        self._slots = threading.BoundedSemaphore(self.max_workers)
        self._rw = store.access  # shared with the store's own writes
        self._pool = None
        self._pool_lock = threading.Lock()

    # public API

    def query(self, sparql: str, **kwargs: Any) -> QueryResult:
        return self._run("query", (sparql,), kwargs)  # type: ignore[return-value]

    def query_serialized(self, sparql: str, result_format: str = "json", graph_format: str = "turtle",
                         **kwargs: Any) -> SerializedResult:
        return self._run("query_serialized", (sparql, result_format, graph_format), kwargs)  # type: ignore[return-value]

    def update(self, sparql: str) -> None:
        """Run an update in this process once no query reads the store (no time limit)."""
        if self.store.name == "oxigraph":
            self.store.update(sparql)  # takes the store's write lock itself
            return
        with self._rw.writing():
            self.store.update(sparql)

    def warm_up(self, wait: float = 60.0) -> None:
        """Start the worker processes now (pool strategy) rather than at the first queries."""
        if self.strategy == "pool" and self.timeout is not None:
            self._worker_pool().warm(wait=wait)

    def close(self) -> None:
        """Stop the worker processes (they also stop when this process ends)."""
        if self._pool is not None:
            self._pool.close()

    # internals

    def _timeout_error(self) -> QueryTimeout:
        return QueryTimeout(
            f"the query ran longer than {self.timeout:g} s and was stopped (query_timeout); "
            f"narrow it down: fewer unbound patterns, a LIMIT, or a more specific FILTER"
        )

    def _run(self, method: str, args: tuple, kwargs: dict):
        if self.timeout is None:
            return getattr(self.store, method)(*args, **kwargs)
        self._rw.acquire_read()
        try:
            if self.strategy == "pool":
                packed = self._worker_pool().run(method, args, kwargs, self.timeout, self._timeout_error())
                return unpack_result(packed)
            call = lambda store: getattr(store, method)(*args, **kwargs)  # noqa: E731
            with self._slots:
                if self.strategy == "fork":
                    return self._in_child(call, time.monotonic() + self.timeout)
                return self._in_thread(call, time.monotonic() + self.timeout, interrupt=self.strategy == "interrupt")
        finally:
            self._rw.release_read()

    def _worker_pool(self):
        with self._pool_lock:
            if self._pool is None:
                from clustergraph.sparql_workers import WorkerPool

                self._pool = WorkerPool(self.store.path, self.max_workers)  # type: ignore[attr-defined]
            return self._pool

    def _in_child(self, call: Callable[[Store], Any], deadline: float):
        read_fd, write_fd = os.pipe()
        quiesced = getattr(self.store, "quiesced", None)
        if quiesced is not None:  # no other thread holds the store's locks while we fork
            with quiesced():
                pid = os.fork()
        else:
            pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
            _child_main(read_fd, write_fd, lambda: call(self.store))
        os.close(write_fd)
        chunks: list[bytes] = []
        finished = False
        try:
            while (remaining := deadline - time.monotonic()) > 0:
                ready, _, _ = select.select([read_fd], [], [], remaining)
                if not ready:
                    continue
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
        finally:
            os.close(read_fd)
            if not finished:
                _kill(pid)
            _reap(pid)
        if not finished:
            raise self._timeout_error()
        if not chunks:
            raise StoreError("the query worker process ended without an answer (see the server log)")
        return unpack_result(pickle.loads(b"".join(chunks)))

    def _in_thread(self, call: Callable[[Store], Any], deadline: float, *, interrupt: bool):
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["result"] = call(self.store)
            except _Deadline:
                outcome["stopped"] = True
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        thread = threading.Thread(target=target, name="sparql-query", daemon=True)
        thread.start()
        thread.join(max(deadline - time.monotonic(), 0))
        if thread.is_alive():
            if interrupt:
                _interrupt(thread)
            raise self._timeout_error()
        if "error" in outcome:
            raise outcome["error"]
        if "stopped" in outcome:
            raise self._timeout_error()
        return outcome["result"]


def _child_main(read_fd: int, write_fd: int, work: Callable[[], Any]) -> None:  # pragma: no cover
    """The forked child: do the work, send the packed answer, exit without cleanup."""
    code = 0
    try:
        os.close(read_fd)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.closerange(3, write_fd)  # sockets and files of the server are not the child's
        os.closerange(write_fd + 1, _max_fd())
        try:
            packed = pack_result(work())
        except BaseException as exc:
            packed = pack_error(exc)
        view = memoryview(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
        while view:
            view = view[os.write(write_fd, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _max_fd() -> int:
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (ValueError, OSError):
        return 4096


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _interrupt(thread: threading.Thread, seconds: float = 2.0) -> None:
    """Raise :class:`_Deadline` inside ``thread`` until it ends (a bare ``except:`` in library
    code could swallow one), for at most ``seconds``."""
    give_up = time.monotonic() + seconds
    while thread.is_alive() and time.monotonic() < give_up:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(_Deadline))
        thread.join(0.05)
    if thread.is_alive():
        log.warning("a timed-out query thread did not stop within %.1f s", seconds)
