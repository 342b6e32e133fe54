#!/usr/bin/env python3
"""Load test of a running moodify-web: N requests of one clip, C at a time, to /api/predict.

Usage: Scripts/web_load.py CLIP [--url http://127.0.0.1:8080] [--requests 200] [--concurrency 16]
                                [--warmup 10] [--pid SERVER_PID] [--nice 5]
Prints one JSON line: requests, failures, p50/p99/max latency in ms, requests per second, wall seconds and the
load average before the run. With --pid (the server's process id, on Linux) it also gives the server's CPU time
per request (user + system, which other processes on the machine do not inflate) and its peak resident memory.
Each client thread keeps its connection alive, as a browser does. --nice lowers this client's priority so the
server gets the cores first; the client's own CPU time per request is reported too (it shares the cores).
"""
import argparse, http.client, json, os, resource, threading, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor

connections = threading.local()


def post(url, body):
    """One POST of `body` to /api/predict on this thread's kept-alive connection; (succeeded, milliseconds)."""
    started = time.perf_counter()
    try:
        if getattr(connections, "http", None) is None:
            parts = urllib.parse.urlsplit(url)
            connections.http = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
        connections.http.request("POST", "/api/predict", body=body, headers={"Content-Type": "application/octet-stream"})
        response = connections.http.getresponse()
        ok = response.status == 200 and b'"emotion"' in response.read()
    except (OSError, http.client.HTTPException):
        connections.http = None
        ok = False
    return ok, (time.perf_counter() - started) * 1000


def cpu_seconds(pid):
    """User + system CPU seconds the process has used so far (/proc/PID/stat fields 14 and 15)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_mb(pid):
    """The process's peak resident memory (VmHWM) in MB."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("clip")
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=10, help="requests sent one at a time before the measured run")
    parser.add_argument("--pid", type=int, help="the server's process id, for its CPU time and peak memory")
    parser.add_argument("--nice", type=int, default=0, help="raise this client's niceness by this much")
    args = parser.parse_args()
    if args.nice:
        os.nice(args.nice)
    body = open(args.clip, "rb").read()
    for _ in range(args.warmup):
        post(args.url, body)
    load = os.getloadavg()
    cpu_before = cpu_seconds(args.pid) if args.pid else None
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(lambda _: post(args.url, body), range(args.requests)))
    wall = time.perf_counter() - started
    client = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = client.ru_utime + client.ru_stime - client_before.ru_utime - client_before.ru_stime
    latencies = sorted(ms for _, ms in results)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    report = {"requests": args.requests, "concurrency": args.concurrency,
              "failures": sum(not ok for ok, _ in results), "p50_ms": round(pick(0.5), 1),
              "p99_ms": round(pick(0.99), 1), "max_ms": round(latencies[-1], 1), "req_per_s": round(args.requests / wall, 1),
              "wall_s": round(wall, 2), "load_avg_before": [round(x, 2) for x in load],
              "client_cpu_ms_per_request": round(1000 * client_cpu / args.requests, 2)}
    if args.pid:
        report["server_cpu_ms_per_request"] = round(1000 * (cpu_seconds(args.pid) - cpu_before) / args.requests, 2)
        report["server_peak_mb"] = peak_memory_mb(args.pid)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
