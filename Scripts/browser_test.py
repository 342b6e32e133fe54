#!/usr/bin/env python3
"""Browser test of moodify-web: headless Chromium uploads a clip through the real page and waits for the result.

Starts the real moodify-web binary on a free port with the default model, starts headless Chromium speaking the
Chrome DevTools Protocol over --remote-debugging-pipe (fds 3 and 4, NUL-separated JSON), opens the page on a phone
window (390x844), puts a clip into the page's file input (DOM.setFileInputFiles), waits until the emotion, one bar
per class and the recommended tracks appear, checks the page has no script errors, CSP violations or sideways
overflow, then does the same on a wide window (1440x900). Saves a full-page screenshot of each under
$MOODIFY_SCREENSHOTS (default .build/screenshots). Exits 1 with one clear sentence on any failure, 0 with a skip
message when no Chromium is installed.

The clip is a real CREMA-D clip from $MOODIFY_AUDIO or ../shared/corpus/crema-d-dev when one is there, else a
generated voiced WAV (a vowel-like buzz with a pitch glide), so the test also runs on a fresh clone.

Usage: Scripts/browser_test.py [--server .build/debug/moodify-web] [--model Models/default.moodify]
"""
import argparse, base64, json, math, os, select, shutil, signal, socket, struct, subprocess, sys, tempfile, time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CLIP = "1001_DFA_ANG_XX.flac"
VIEWPORTS = [("phone", 390, 844, True), ("wide", 1440, 900, False)]
SERVER_START_SECONDS = 60
PREDICTION_SECONDS = 60
COMMAND_SECONDS = 30


class Failure(Exception):
    """A failed check, with one sentence saying what went wrong."""


def chromium_path():
    """The first Chromium or Chrome on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


def free_port():
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voiced_wav(path, seconds=2.0, rate=16000):
    """Writes a 16-bit mono WAV of a vowel-like sound: a glottal buzz gliding 140→190 Hz through three formants."""
    formants = [(700, 1.0), (1220, 0.5), (2600, 0.25)]
    frames, phase = bytearray(), 0.0
    for n in range(int(seconds * rate)):
        t = n / rate
        f0 = 140 + 50 * t / seconds
        phase += 2 * math.pi * f0 / rate
        x = sum(g / k * math.sin(k * phase) * sum(a / (1 + ((k * f0 - f) / 150) ** 2) for f, a in formants)
                for k, g in ((k, 1.0) for k in range(1, 20)))
        envelope = min(1.0, t / 0.1, (seconds - t) / 0.1) * (0.6 + 0.4 * math.sin(2 * math.pi * 3 * t) ** 2)
        frames += struct.pack("<h", max(-32767, min(32767, int(6000 * envelope * x))))
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(frames), b"WAVE", b"fmt ", 16, 1, 1, rate, rate * 2,
                         2, 16, b"data", len(frames))
    Path(path).write_bytes(header + frames)


def test_clip(scratch):
    """A real corpus clip when the corpus is here, else a generated voiced WAV; says which."""
    for folder in (os.environ.get("MOODIFY_AUDIO"), ROOT / "../shared/corpus/crema-d-dev"):
        if folder and (Path(folder) / CORPUS_CLIP).is_file():
            return Path(folder).resolve() / CORPUS_CLIP, "corpus clip"
    path = Path(scratch) / "voiced.wav"
    voiced_wav(path)
    return path, "generated voiced WAV (no corpus found)"


class DevTools:
    """A Chrome DevTools Protocol connection over Chromium's --remote-debugging-pipe."""

    def __init__(self, browser, commands, answers):
        self.browser, self.commands, self.answers = browser, commands, answers
        self.pending, self.next_id, self.events = b"", 0, []

    def send(self, method, session=None, timeout=COMMAND_SECONDS, **params):
        """Sends one command and returns its result; raises Failure on a protocol error or timeout."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self.receive(deadline, f"an answer to {method}")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure(f"Chromium refused {method}: {reply['error'].get('message')}.")
                return reply.get("result", {})
            self.events.append(reply)

    def discard(self, method):
        """Forgets the events named `method` received so far (a later wait then needs a new one)."""
        self.events = [event for event in self.events if event.get("method") != method]

    def wait_for_event(self, method, timeout):
        """Waits for an event named `method` (one already received counts) and returns its params."""
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i).get("params", {})
            self.events.append(self.receive(deadline, f"the event {method}"))

    def receive(self, deadline, what):
        """The next message from Chromium, waiting until `deadline`."""
        while b"\0" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f"Chromium sent no {what} within the time allowed.")
            if self.browser.poll() is not None:
                raise Failure(f"Chromium exited (status {self.browser.returncode}) while waiting for {what}.")
            if select.select([self.answers], [], [], min(left, 0.5))[0]:
                chunk = os.read(self.answers, 1 << 20)
                if not chunk:
                    raise Failure(f"Chromium closed its DevTools pipe while waiting for {what}.")
                self.pending += chunk
        message, _, self.pending = self.pending.partition(b"\0")
        return json.loads(message)

    def problems(self):
        """Script exceptions, console errors and CSP violations reported so far, as sentences."""
        found = []
        for event in self.events:
            params = event.get("params", {})
            if event.get("method") == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append("script exception: " + details.get("exception", {}).get("description", details.get("text", "?")))
            elif event.get("method") == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(f"{params['entry'].get('source')} error: {params['entry'].get('text')}")
            elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append("console error: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        return found


# What the page shows, read in the page: the emotion, the bars, the tracks, the status line, any sideways overflow.
PAGE_STATE = """(() => {
  const text = (selector) => { const node = document.querySelector(selector); return node ? node.textContent.trim() : ""; };
  return JSON.stringify({
    emotion: ((document.querySelector("#result .emotion") || {}).firstChild || {}).textContent || "",
    label: text("#result .emotion small"), bars: document.querySelectorAll("#result .bar").length,
    filled: [...document.querySelectorAll("#result .fill")].filter((f) => parseFloat(f.style.width) > 0).length,
    tracks: document.querySelectorAll("#tracks .card, #tracks iframe").length, source: text("#source"),
    status: text("#status"), error: document.querySelector("#status.error") !== null,
    overflow: document.documentElement.scrollWidth - window.innerWidth
  });
})()"""


def page_state(tools, session):
    """The page's state (PAGE_STATE) as a dict."""
    result = tools.send("Runtime.evaluate", session, expression=PAGE_STATE, returnByValue=True)
    return json.loads(result["result"]["value"])


def upload_and_wait(tools, session, url, clip, classes, name, width, height, mobile):
    """Opens the page at one window size, uploads `clip` through the file input and waits for the result."""
    tools.send("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
               deviceScaleFactor=2 if mobile else 1, mobile=mobile)
    tools.discard("Page.loadEventFired")
    tools.send("Page.navigate", session, url=url + "/")
    tools.wait_for_event("Page.loadEventFired", COMMAND_SECONDS)
    root = tools.send("DOM.getDocument", session)["root"]["nodeId"]
    node = tools.send("DOM.querySelector", session, nodeId=root, selector="#file")["nodeId"]
    if not node:
        raise Failure(f"The page on the {name} window has no file input #file.")
    tools.send("DOM.setFileInputFiles", session, nodeId=node, files=[str(clip)])
    deadline, state = time.monotonic() + PREDICTION_SECONDS, {}
    while time.monotonic() < deadline:
        state = page_state(tools, session)
        if state["error"]:
            raise Failure(f"The page on the {name} window showed an error instead of a result: {state['status']}")
        if state["emotion"] and state["bars"] and state["tracks"] and state["source"]:
            break
        time.sleep(0.2)
    else:
        raise Failure(f"On the {name} window no complete result appeared within {PREDICTION_SECONDS} s "
                      f"(emotion {state.get('emotion')!r}, {state.get('bars')} bars, {state.get('tracks')} tracks, "
                      f"status {state.get('status')!r}).")
    if state["bars"] != len(classes) or state["filled"] == 0:
        raise Failure(f"On the {name} window the page shows {state['bars']} probability bars ({state['filled']} filled) "
                      f"for the {len(classes)} classes {classes}.")
    if state["overflow"] > 0:
        raise Failure(f"On the {name} window ({width} px) the page is {state['overflow']} px wider than the window.")
    return state


def screenshot(tools, session, path):
    """Saves a PNG of the whole page (not only the visible window) to `path`."""
    size = tools.send("Page.getLayoutMetrics", session)["cssContentSize"]
    shot = tools.send("Page.captureScreenshot", session, format="png", captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
    path.write_bytes(base64.b64decode(shot["data"]))


def wait_for_server(url, server, log):
    """Waits until GET /api/health answers 200, or fails when the server exits (quoting `log`) or takes too long."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failure(f"moodify-web exited with status {server.returncode} before serving: {log.read_text().strip()}")
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise Failure(f"moodify-web did not answer {url}/api/health within {SERVER_START_SECONDS} s.")


def start_chromium(binary, profile):
    """Headless Chromium with its DevTools on fds 3 (commands in) and 4 (answers out) of a new process group."""
    commands_read, commands_write = os.pipe()
    answers_read, answers_write = os.pipe()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
    shell = f'exec "$0" "$@" 3<&{commands_read} 4>&{answers_write}'
    browser = subprocess.Popen(["sh", "-c", shell, binary, *flags], pass_fds=(commands_read, answers_write),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    os.close(commands_read)
    os.close(answers_write)
    return browser, DevTools(browser, commands_write, answers_read)


def stop(process):
    """Ends a process this script started together with its process group (Chromium's helpers), and reaps it."""
    if process is None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            process.poll()
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
    process.poll()


def run(args, chromium, scratch):
    """The whole test; returns the lines to print on success."""
    clip, clip_kind = test_clip(scratch)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = browser = None
    try:
        log = Path(scratch) / "server.log"
        with open(log, "w") as output:
            server = subprocess.Popen([args.server, "--port", str(port), "--model", args.model], cwd=ROOT,
                                      stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                      start_new_session=True)
        wait_for_server(url, server, log)
        with urllib.request.urlopen(url + "/api/model", timeout=10) as response:
            classes = json.load(response)["classes"]
        browser, tools = start_chromium(chromium, Path(scratch) / "profile")
        target = tools.send("Target.createTarget", url="about:blank")["targetId"]
        session = tools.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM"):
            tools.send(f"{domain}.enable", session)
        shots = Path(os.environ.get("MOODIFY_SCREENSHOTS", ROOT / ".build/screenshots"))
        shots.mkdir(parents=True, exist_ok=True)
        lines = [f"browser test: {clip_kind} {clip.name} through {url}/ in {chromium}"]
        for name, width, height, mobile in VIEWPORTS:
            state = upload_and_wait(tools, session, url, clip, classes, name, width, height, mobile)
            path = shots / f"moodify-{name}-{width}x{height}.png"
            screenshot(tools, session, path)
            lines.append(f"  {name} {width}x{height}: {state['emotion']} ({state['label']}), {state['bars']} bars, "
                         f"{state['tracks']} tracks; screenshot {path}")
        if problems := tools.problems():
            raise Failure("The page reported " + "; ".join(problems) + ".")
        return lines
    finally:
        stop(browser)
        stop(server)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=str(ROOT / ".build/debug/moodify-web"))
    parser.add_argument("--model", default=str(ROOT / "Models/default.moodify"))
    args = parser.parse_args()
    chromium = chromium_path()
    if chromium is None:
        print("browser test: SKIPPED, no Chromium installed (Scripts/setup installs the Debian package chromium).")
        return 0
    if not os.access(args.server, os.X_OK):
        print(f"browser test: FAILED, no moodify-web binary at {args.server} (build it with swift build --product moodify-web).")
        return 1
    with tempfile.TemporaryDirectory(prefix="moodify-browser-") as scratch:
        try:
            lines = run(args, chromium, scratch)
        except Failure as failure:
            print(f"browser test: FAILED. {failure}")
            return 1
    print("\n".join(lines))
    print("browser test: passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
