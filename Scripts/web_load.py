#!/usr/bin/env python3
"""Load test of a running moodify-web: N requests of one clip, C at a time, to /api/predict.

Usage: Scripts/web_load.py CLIP [--url http://127.0.0.1:8080] [--requests 200] [--concurrency 16]
Prints one JSON line: requests, failures, p50/p99/max latency in ms, wall seconds.
"""
import argparse, json, time, urllib.request
from concurrent.futures import ThreadPoolExecutor


def post(url, body):
    started = time.perf_counter()
    request = urllib.request.Request(url + "/api/predict", data=body, method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    with urllib.request.urlopen(request, timeout=60) as response:
        ok = response.status == 200 and b'"emotion"' in response.read()
    return ok, (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("clip")
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    body = open(args.clip, "rb").read()
    started = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(lambda _: post(args.url, body), range(args.requests)))
    wall = time.perf_counter() - started
    latencies = sorted(ms for _, ms in results)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(json.dumps({"requests": args.requests, "concurrency": args.concurrency,
                      "failures": sum(not ok for ok, _ in results), "p50_ms": round(pick(0.5), 1),
                      "p99_ms": round(pick(0.99), 1), "max_ms": round(latencies[-1], 1), "wall_s": round(wall, 2)}))


if __name__ == "__main__":
    main()
