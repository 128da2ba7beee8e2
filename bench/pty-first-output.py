#!/usr/bin/env python3
"""Time from spawning a command in a pseudo-terminal until it first prints a marker (or exits).

Used by bench/run.mjs for "time to the first prompt": the prompts draw only on a terminal, so the
CLI must run in a pty. Reads one JSON spec as argv[1]:

  {"rounds": 15, "timeout_ms": 5000, "columns": 100, "rows": 30,
   "commands": [{"name": "bare", "argv": ["node", "-e", ""], "marker": null},
                {"name": "cli", "argv": ["node", "bin/ml-salary.js"], "marker": "Years of"}]}

Commands run alternately, one round at a time. With a marker, the time is until the marker shows
up in the output; with null, until the command closes the terminal (exits). Each command is then
killed. Prints {"name": [milliseconds, ...], ...} as JSON on stdout.
"""

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def once(argv, marker, timeout_s, columns, rows):
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its stdin, stdout and stderr
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    seen = b""
    elapsed = None
    want = marker.encode() if marker is not None else None
    try:
        while time.perf_counter() - started < timeout_s:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                if want is None:
                    elapsed = time.perf_counter() - started
                break
            seen += chunk
            if want is not None and want in seen:
                elapsed = time.perf_counter() - started
                break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        tail = seen[-300:].decode("utf8", "replace")
        raise SystemExit(f"pty-first-output: {argv!r} gave no {marker!r} in time; output: {tail!r}")
    return elapsed * 1000


def main():
    spec = json.loads(sys.argv[1])
    results = {c["name"]: [] for c in spec["commands"]}
    for _ in range(spec["rounds"]):
        for c in spec["commands"]:
            ms = once(
                c["argv"],
                c.get("marker"),
                spec.get("timeout_ms", 5000) / 1000,
                spec.get("columns", 100),
                spec.get("rows", 30),
            )
            results[c["name"]].append(ms)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
