#!/usr/bin/env python3
"""Measures what clients can cost a running cocart-devstore (loopback only, bounded loops).

Usage: measure_limits.py path/to/cocart-devstore

Prints: RSS after ten 20 MB bodies and after 20,000 small requests, how fast 200 slow clients
are closed, guest GET /cart throughput and latency with and without --state, and the latency
of a large answer (Nagle). Not a test: numbers for the README and reviews.
"""
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def start(binary, *args, fd_limit=None):
    command = [binary, "--port", "0", *args]
    if fd_limit:
        command = ["sh", "-c", f'ulimit -n {fd_limit}; exec "$0" "$@"', *command]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    port = int(re.search(r":(\d+)\s*$", line.strip()).group(1))
    return proc, port


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def stop(proc):
    proc.terminate()
    proc.wait(timeout=10)


def big_bodies(port, count=10, size=20 * 1000 * 1000):
    chunk = b"x" * (256 * 1024)
    sent_total = 0
    statuses = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(5)
        s.sendall(b"POST /wp-json/nope HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                  b"Content-Length: %d\r\n\r\n" % size)
        sent = 0
        try:
            while sent < size:
                sent += s.send(chunk[: min(len(chunk), size - sent)])
        except OSError:
            pass
        sent_total += sent
        try:
            statuses.append(s.recv(64).split(b" ")[1].decode())
        except (OSError, IndexError):
            statuses.append("closed")
        s.close()
    return sent_total, statuses


def small_requests(port, count=20000):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(count):
        conn.request("GET", f"/wp-json/cocart/v2/store?i={i}", headers={"User-Agent": "m/1"})
        conn.getresponse().read()
    conn.close()


def slow_clients(port, count=200, limit_s=30):
    socks = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /wp-json/cocart/v2/store HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
        socks.append(s)
    start_t = time.monotonic()
    open_socks = set(range(count))
    closed_at = {}
    while open_socks and time.monotonic() - start_t < limit_s:
        for i in list(open_socks):
            try:
                if socks[i].recv(4096) == b"":
                    raise ConnectionResetError
            except BlockingIOError:
                try:
                    socks[i].send(b"X")  # one byte now and then, never the end of the head
                except OSError:
                    closed_at[i] = time.monotonic() - start_t
                    open_socks.discard(i)
            except OSError:
                closed_at[i] = time.monotonic() - start_t
                open_socks.discard(i)
        time.sleep(0.5)
    for s in socks:
        s.close()
    times = sorted(closed_at.values())
    return len(times), (times[0] if times else None), (times[-1] if times else None)


def idle_flood(port, count=1070):
    """count connections that send nothing, then one normal request: its status and time."""
    socks = []
    for _ in range(count):
        try:
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            break
    time.sleep(0.5)
    t = time.monotonic()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/wp-json/cocart/v2/store", headers={"User-Agent": "m/1"})
        status = conn.getresponse().status
        conn.close()
    except OSError as error:
        status = type(error).__name__
    elapsed = (time.monotonic() - t) * 1000
    alive = 0
    for s in socks:
        s.setblocking(False)
        try:
            alive += s.recv(1) != b""
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
        s.close()
    return len(socks), status, elapsed, alive


def guest_carts(port, count=3000):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    lat = []
    t0 = time.monotonic()
    for _ in range(count):
        t = time.monotonic()
        conn.request("POST", "/wp-json/cocart/v2/cart/add-item", body=b'{"id":"10","quantity":"1"}',
                     headers={"Content-Type": "application/json", "User-Agent": "m/1"})
        conn.getresponse().read()
        lat.append((time.monotonic() - t) * 1000)
    elapsed = time.monotonic() - t0
    conn.close()
    return count / elapsed, statistics.mean(lat[:500]), statistics.mean(lat[-500:])


def large_answer_latency(port, count=50):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    lat = []
    size = 0
    for _ in range(count):
        t = time.monotonic()
        conn.request("GET", "/wp-json/cocart/v2/products?per_page=100", headers={"User-Agent": "m/1"})
        size = len(conn.getresponse().read())
        lat.append((time.monotonic() - t) * 1000)
    conn.close()
    return size, statistics.median(lat), max(lat)


def main():
    binary = sys.argv[1]
    proc, port = start(binary)
    base = rss_kb(proc.pid)
    sent, statuses = big_bodies(port)
    after_big = rss_kb(proc.pid)
    print(f"ten 20 MB bodies: {sent / 1e6:.1f} MB accepted by the socket in total, answers "
          f"{sorted(set(statuses))}; RSS {base / 1024:.1f} -> {after_big / 1024:.1f} MB "
          f"(+{(after_big - base) / 1024:.1f} MB)")
    before_small = rss_kb(proc.pid)
    t = time.monotonic()
    small_requests(port)
    after_small = rss_kb(proc.pid)
    print(f"20,000 GETs ({20000 / (time.monotonic() - t):.0f} req/s): RSS "
          f"{before_small / 1024:.1f} -> {after_small / 1024:.1f} MB "
          f"(+{(after_small - before_small) / 1024:.1f} MB)")
    size, median, worst = large_answer_latency(port)
    print(f"{size / 1024:.0f} KB answer on keep-alive: median {median:.2f} ms, max {worst:.2f} ms")
    closed, first, last = slow_clients(port)
    print(f"200 slow clients (a byte every 0.5 s, default limits): {closed} closed, first after "
          f"{first:.1f} s, last after {last:.1f} s" if closed else "200 slow clients: none closed")
    stop(proc)

    proc, port = start(binary, fd_limit=1024)
    opened, status, elapsed, alive = idle_flood(port)
    print(f"{opened} idle connections (store limited to 1024 descriptors), then a request: "
          f"{status} in {elapsed:.1f} ms; {alive} idle connections still open")
    stop(proc)

    for state in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "state.json")
            proc, port = start(binary, *(["--state", path] if state else []))
            rate, first, last = guest_carts(port)
            time.sleep(0.5)
            size = os.path.getsize(path) if state else 0
            stop(proc)
            print(f"3,000 guest add-item {'with --state' if state else 'in memory'}: "
                  f"{rate:.0f} req/s, first 500 {first:.2f} ms, last 500 {last:.2f} ms"
                  + (f", state file {size / 1024:.0f} KB" if state else ""))


if __name__ == "__main__":
    main()
