"""HTTP: SPARQL requests per second and latency, clustergraph's ``/sparql`` vs ``oxigraph serve``.

Both servers run in subprocesses on loopback, on stores that hold the same data; one client (this
module) sends the same GET requests to both. The client is a small HTTP/1.1 keep-alive client on
raw sockets (one connection per simulated user, a thread each), so that the client costs as little
CPU as possible: on a 2-core machine client and server share the cores. Every run is bounded in
requests and in seconds and stops by itself.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ACCEPT_JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 60.0) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            with opener.open(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise RuntimeError(f"server at {url} did not answer within {seconds:.0f} s")


@contextmanager
def running(command: list[str], probe_path: str, port: int, log_path: Path, env: dict | None = None) -> Iterator[str]:
    """Start ``command``, yield its base URL once ``probe_path`` answers, stop it afterwards."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base + probe_path, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def oxigraph_executable() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else "oxigraph"


@contextmanager
def oxigraph_server(location: Path, log_dir: Path) -> Iterator[str]:
    """``oxigraph serve`` on ``location`` with the union default graph; yields the query URL."""
    port = free_port()
    command = [oxigraph_executable(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    with running(command, "/", port, log_dir / "oxigraph-server.log") as base:
        yield base + "/query"


WAITRESS_THREADS = 8


@contextmanager
def clustergraph_server(store_path: Path, log_dir: Path, threads: int = WAITRESS_THREADS,
                        settings: dict[str, str] | None = None) -> Iterator[str]:
    """clustergraph's app under waitress (the documented production command); yields ``/sparql``.
    ``settings``: more ``CLUSTERGRAPH_*`` variables for the server's environment."""
    port = free_port()
    waitress = Path(sys.executable).with_name("waitress-serve")
    command = [str(waitress) if waitress.exists() else "waitress-serve", f"--listen=127.0.0.1:{port}",
               f"--threads={threads}", "--call", "clustergraph.server.wsgi:create_wsgi_app"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERGRAPH_")}
    env.update(CLUSTERGRAPH_STORE="oxigraph", CLUSTERGRAPH_STORE_PATH=str(store_path), **(settings or {}))
    log_name = "clustergraph-server" + "".join(f"-{k}={v}" for k, v in (settings or {}).items()) + ".log"
    with running(command, "/sparql?query=ASK%7B%7D", port, log_dir / log_name, env=env) as base:
        yield base + "/sparql"


class Connection:
    """One keep-alive HTTP/1.1 connection that sends prepared GET requests and reads whole answers."""

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def request(self, raw: bytes) -> tuple[int, int]:
        """Send ``raw``; return (status, body bytes)."""
        self.sock.sendall(raw)
        status_line = self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked, close = None, False, False
        while True:
            line = self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        size = 0
        if chunked:
            while True:
                chunk = int(self.reader.readline().split(b";")[0], 16)
                if chunk == 0:
                    while self.reader.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                size += len(self.reader.read(chunk))
                self.reader.readline()
        elif length is not None:
            size = len(self.reader.read(length))
        else:
            size = len(self.reader.read())
            close = True
        if close:
            raise ConnectionAbortedError("server closed the connection")
        return status, size

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def prepared_requests(url: str, queries: list[str]) -> list[bytes]:
    """GET requests for ``queries`` at ``url``; an empty query asks for ``url`` itself."""
    parts = urllib.parse.urlsplit(url)
    requests = []
    for query in queries:
        target = f"{parts.path}?{urllib.parse.urlencode({'query': query})}" if query else (
            parts.path + (f"?{parts.query}" if parts.query else ""))
        requests.append(
            f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: {ACCEPT_JSON}\r\n"
            f"User-Agent: clustergraph-bench\r\n\r\n".encode("ascii")
        )
    return requests


@dataclass
class LoadResult:
    concurrency: int
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def generate_load(url: str, queries: list[str], concurrency: int, *, max_requests: int, max_seconds: float,
                  warmup: int = 20) -> LoadResult:
    """``concurrency`` users, each on its own connection sending the queries in turn, until
    ``max_requests`` answers arrived or ``max_seconds`` passed (a request may take up to
    ``max_seconds`` itself)."""
    parts = urllib.parse.urlsplit(url)
    raw = prepared_requests(url, queries)
    warm = Connection(parts.hostname, parts.port)
    for i in range(min(warmup, max_requests)):
        warm.request(raw[i % len(raw)])
    warm.close()
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    counter = iter(range(max_requests))
    lock = threading.Lock()
    stop_at = time.perf_counter() + max_seconds
    start_gate = threading.Barrier(concurrency + 1)

    def user(index: int) -> None:
        conn = Connection(parts.hostname, parts.port, timeout=max(30.0, max_seconds))
        mine = latencies[index]
        position = index
        start_gate.wait()
        try:
            while time.perf_counter() < stop_at:
                with lock:
                    if next(counter, None) is None:
                        return
                request = raw[position % len(raw)]
                position += 1
                began = time.perf_counter()
                try:
                    status, _ = conn.request(request)
                except (OSError, ValueError):
                    errors[index] += 1
                    conn.close()
                    conn = Connection(parts.hostname, parts.port, timeout=max(30.0, max_seconds))
                    continue
                mine.append(time.perf_counter() - began)
                if status != 200:
                    errors[index] += 1
        finally:
            conn.close()

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(max_seconds + 60)
    elapsed = time.perf_counter() - began
    every = sorted(value for values in latencies for value in values)
    return LoadResult(
        concurrency=concurrency,
        requests=len(every),
        errors=sum(errors),
        seconds=elapsed,
        p50_ms=percentile(every, 0.50) * 1000,
        p99_ms=percentile(every, 0.99) * 1000,
    )
