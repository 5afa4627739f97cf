"""A real JupyterHub class, run as root with the secure configuration: learners kept apart.

The hub runs ``hub/jupyterhub_config.py`` (the file INSTRUCTORS.md gives)
with Node's configurable-http-proxy, FirstUseAuthenticator and
LocalProcessSpawner; Playwright drives Debian's Chromium. What a class relies
on is checked as the people in it meet it:

- alice and bob log in (each name's password is set at its first login) and
  open the instructor's nbgitpuller link, which clones the course into their
  own home, made by the hub for their own system user;
- bob cannot log in as alice with his password nor the old shared one;
- bob's server (a process with his server's uid and environment) can read
  neither alice's home nor her progress file, nor the hub's secrets, nor the
  hub's environment, and none of the hub's settings reached it;
- the instructor's class report (a hub service) lists both; bob gets 403;
- with the browsers closed, the idle culler stops both servers.

Every user, group, home and process it made is removed, also on failure.
Run alone with ``-m hub``. Skips where it cannot run (not root, no Node
proxy), except under ``CTCOOP_REQUIRE_BROWSER=1`` (CI), where it fails.
"""

from __future__ import annotations

import json
import os
import pwd
import random
import re
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psutil
import pytest
from browser_support import (
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    broken_widget_texts,
    launch_chromium,
    record_outside_requests,
    run_all_cells,
    screenshot_on_failure,
    wait_kernel_idle,
)
from support.settings import need

from ctcoop.paths import repo_root

ROOT = repo_root()
OLD_PASSWORD = "class-trial"  # the trial configuration's shared password
COURSE = "ctcoop-course"  # the upstream repository's name, hence the folder nbgitpuller makes
START = "notebooks/00_start_here.ipynb"
EXERCISE, WRONG, RIGHT = "00.hint-cost", "a", "c"
PORTS = range(18000, 19000)  # this test's own ports, apart from other tests running alongside
CULL_AFTER_S = 12
"""Idle seconds before the culler stops a server: well above the few seconds between bob's
last click and the probe of his server, which must still be running then."""
SENTINEL = "CTCOOP_HUB_SENTINEL"  # a variable only the hub's environment has
HUB_COMMAND = [
    str(Path(sys.executable).with_name("jupyterhub")),
    "-f",
    str(ROOT / "hub" / "jupyterhub_config.py"),
]
SECRETS = ("settings.toml", "jupyterhub_cookie_secret", "jupyterhub.sqlite", "proxy_token")
pytestmark = [pytest.mark.hub, pytest.mark.browser]


def _proxy() -> Path | None:
    local = ROOT / ".venv" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
    found = shutil.which("configurable-http-proxy")
    return local if local.exists() else Path(found) if found else None


def port_in_range(taken: set[int]) -> int:
    """A free loopback port in these tests' range (18000-18999), not in ``taken``."""
    for port in random.sample(PORTS, len(PORTS)):
        if port in taken:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise AssertionError("no free port in 18000-18999")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=instructor", "-c", "user.email=i@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@dataclass
class Hub:
    url: str
    state: Path
    homes: Path
    link: str
    log: Path
    pid: int
    admin: str
    learners: tuple[str, str]
    passwords: dict[str, str]


def _remove_accounts(names: list[str], group: str, homes: Path) -> None:
    """End every process of the test's users, then remove the users, their homes and group."""
    uids = {}
    for name in names:
        try:
            uids[pwd.getpwnam(name).pw_uid] = name
        except KeyError:
            pass
    for _ in range(2):
        procs = [p for p in psutil.process_iter(["uids"]) if p.info["uids"].real in uids]
        for process in procs:
            process.kill()
        psutil.wait_procs(procs, timeout=10)
    for name in uids.values():
        subprocess.run(["userdel", "--remove", name], capture_output=True)
    subprocess.run(["groupdel", group], capture_output=True)
    for name in names:
        shutil.rmtree(homes / name, ignore_errors=True)


def _learner_python(base: Path) -> Path:
    """The test environment's Python, in a form every learner can run.

    A checkout's ``.venv`` may sit on a Python under ``/root`` (pyenv), which
    no learner can open: then a small venv on the system's Python 3.11 reads
    the checkout's packages, and shares its ``share/`` (JupyterLab's assets)
    and ``etc/`` (server extensions such as nbgitpuller).
    """
    here = Path(sys.executable).resolve()
    if all(os.stat(folder).st_mode & stat.S_IXOTH for folder in here.parents):
        return Path(sys.executable)
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    need(system.exists(), f"{system} (the learners' Python; {here} is closed to them)")
    env = base / "learner-env"
    subprocess.run([str(system), "-m", "venv", "--without-pip", str(env)], check=True)
    site_packages = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    own = next(env.glob("lib/python3*/site-packages"))
    (own / "ctcoop-checkout.pth").write_text(
        f"import site; site.addsitedir({str(site_packages)!r})\n"
    )
    for folder in ("share", "etc"):
        if (Path(sys.prefix) / folder).exists():
            (env / folder).symlink_to(Path(sys.prefix) / folder)
    return env / "bin" / "python"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """A running class hub with a fresh class list; removes everything it made afterwards."""
    need(os.getuid() == 0, "root (the hub creates system users)")
    need(shutil.which("useradd") is not None, "useradd")
    need(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    proxy = _proxy()
    need(proxy is not None, "configurable-http-proxy (npm; ./course test installs it with Node)")
    suffix = secrets.token_hex(3)
    alice, bob, admin = (f"ctc-{who}-{suffix}" for who in ("alice", "bob", "teach"))
    group = f"ctc-{suffix}"
    base = Path(tempfile.mkdtemp(prefix="ctcoop-hub-test-"))
    base.chmod(0o755)  # learners must reach their homes below it
    state, homes = base / "state", base / "homes"
    state.mkdir(mode=0o700)
    taken: set[int] = set()
    port, git_port = port_in_range(taken), port_in_range(taken)
    settings = {
        "admin": admin,
        "learners": [alice, bob],
        "homes": str(homes),
        "learner_group": group,
        "port": port,
        "hub_api_port": port_in_range(taken),
        "proxy_api_port": port_in_range(taken),
        "report_port": port_in_range(taken),
        "proxy": str(proxy),
        "learner_python": str(_learner_python(base)),
        "cull_idle_after": CULL_AFTER_S,
        "cull_every": 2,
        "activity_interval": 2,
    }
    (state / "settings.toml").write_text(
        "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    )
    (state / "settings.toml").chmod(0o600)
    # The instructor's repository, served read-only by git's own daemon as from a git host.
    served = base / "served"
    origin = served / COURSE
    origin.mkdir(parents=True)
    git(origin, "init", "-q", "-b", "main")
    for folder in ("notebooks", "exercises", "data"):
        shutil.copytree(
            ROOT / folder, origin / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "The course")
    daemon = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
         f"--port={git_port}", f"--base-path={served}", str(served)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    log = base / "hub.log"
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "LANG": "C.UTF-8",
        "CTCOOP_HUB_STATE": str(state),
        SENTINEL: secrets.token_hex(8),
    }
    with log.open("w") as stream:
        process = subprocess.Popen(
            HUB_COMMAND,
            cwd=state, env=env, stdout=stream, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    repo = f"git://127.0.0.1:{git_port}/{COURSE}"
    link = (
        f"{url}/hub/user-redirect/git-pull?repo={quote(repo, safe='')}"
        f"&branch=main&urlpath={quote(f'lab/tree/{COURSE}/{START}', safe='/')}"
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/hub/api", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(log.read_text()[-3000:]) from None
                time.sleep(0.5)
        passwords = {name: secrets.token_urlsafe(12) for name in (alice, bob, admin)}
        yield Hub(url, state, homes, link, log, process.pid, admin, (alice, bob), passwords)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        daemon.terminate()
        daemon.wait(timeout=10)
        leftovers = [
            p for p in psutil.process_iter(["cwd"]) if (p.info["cwd"] or "").startswith(str(base))
        ]
        for leftover in leftovers:
            leftover.kill()
        psutil.wait_procs(leftovers, timeout=10)
        _remove_accounts([alice, bob, admin], group, homes)
        shutil.copy(log, tmp_path_factory.mktemp("hub-log"))  # kept for a failure's reader
        shutil.rmtree(base, ignore_errors=True)


def _log_in(page, url: str, user: str, password: str) -> bool:
    """Submit the login form; True when the hub let the user in."""
    page.goto(f"{url}/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(password)
    page.locator("#login_submit").click()
    page.wait_for_load_state()
    return "/hub/login" not in page.url


def _open_link(page, link: str) -> None:
    """Click the link; wait for nbgitpuller to finish and JupyterLab to open the notebook."""
    page.goto(link, timeout=KERNEL_TIMEOUT_MS)
    page.wait_for_url(re.compile(rf"/lab/tree/{COURSE}/"), timeout=KERNEL_TIMEOUT_MS)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=KERNEL_TIMEOUT_MS)
    wait_kernel_idle(page)


def _exercise(page):
    return page.locator(".ctc-exercise", has_text=f"Exercise {EXERCISE}:")


def _run_until_exercise_shows(page, attempts: int = 2) -> None:
    """Run All, as a learner would; once more if the kernel was still connecting the first time."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in range(1, attempts + 1):
        choose = page.locator(".jp-Dialog", has_text="Select Kernel")
        if choose.is_visible():  # JupyterLab sometimes asks once which kernel to start
            choose.locator(".jp-mod-accept").click()
        run_all_cells(page)
        try:
            _exercise(page).wait_for(timeout=KERNEL_TIMEOUT_MS // attempts)
            return
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise


def _answer(page, option: str) -> None:
    """Pick ``option`` in the start notebook's hint exercise and press Check."""
    from playwright.sync_api import expect

    widget = _exercise(page)
    widget.scroll_into_view_if_needed()
    widget.get_by_label(re.compile(rf"^{option}\)")).check()
    widget.locator(".ctc-check").click()
    feedback = widget.locator(".ctc-feedback")
    expect(feedback).to_contain_text("Correct" if option == RIGHT else re.compile(r"\S"))


def _progress(homes: Path, user: str) -> dict:
    path = homes / user / ".ctcoop" / "progress.json"
    deadline = time.monotonic() + 15
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    return json.loads(path.read_text())["exercises"] if path.exists() else {}


def _server_of(user: str) -> psutil.Process:
    """The learner's single-user server process."""
    for process in psutil.process_iter(["username", "cmdline"]):
        if process.info["username"] == user and "jupyterhub.singleuser" in " ".join(
            process.info["cmdline"] or []
        ):
            return process
    raise AssertionError(f"no server running for {user}")


PROBE = """
import json, os, sys
seen = {}
for path in sys.argv[1:]:
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, "rb").read(1)
        seen[path] = "read"
    except PermissionError:
        seen[path] = "denied"
    except OSError as error:
        seen[path] = type(error).__name__
print(json.dumps({"uid": os.getuid(), "seen": seen}))
"""


def _probe_from(server: psutil.Process, paths: list[Path]) -> dict:
    """Try to read ``paths`` from a process with the server's user, environment and folder."""
    done = subprocess.run(
        [server.cmdline()[0], "-c", PROBE, *map(str, paths)],  # the server's own Python
        user=server.uids().real,
        group=server.gids().real,
        extra_groups=[],
        env=server.environ(),
        cwd=server.cwd(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _learners_gone(names: tuple[str, ...]) -> bool:
    return not any(p.info["username"] in names for p in psutil.process_iter(["username"]))


def _bob_sees_nothing_private(hub: Hub) -> None:
    """From bob's server: nothing of alice's, nothing of the hub's; his own file he can read."""
    alice, bob = hub.learners
    server = _server_of(bob)
    assert server.uids().real != 0
    assert SENTINEL not in server.environ()
    assert not any(key.startswith("CTCOOP_HUB") for key in server.environ())
    private = [
        hub.homes / alice,
        hub.homes / alice / ".ctcoop" / "progress.json",
        hub.state,
        *(hub.state / name for name in SECRETS),
        Path(f"/proc/{hub.pid}/environ"),
    ]
    for name in SECRETS:  # the hub's secrets are the hub's: its user, mode 600
        info = (hub.state / name).stat()
        assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (os.getuid(), 0o600), name
    probe = _probe_from(server, private)
    assert probe["uid"] == pwd.getpwnam(bob).pw_uid
    assert probe["seen"] == {str(path): "denied" for path in private}
    own = _probe_from(server, [hub.homes / bob / ".ctcoop" / "progress.json"])
    assert set(own["seen"].values()) == {"read"}  # the probe can read: bob's own file


def test_a_class_on_a_secure_hub(hub: Hub, tmp_path: Path):
    """Each learner's browser closes when their part is done, so that the culler's clock
    starts then, and bob's server is probed while he is still working."""
    from playwright.sync_api import sync_playwright

    alice, bob = hub.learners
    report_url = f"{hub.url}/services/class-report/"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        outside: list[str] = []
        for user in hub.learners:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(UI_TIMEOUT_MS)
            outside += record_outside_requests(context)
            page = context.new_page()
            with screenshot_on_failure(page, tmp_path, f"hub-{user[4:9]}"):
                assert _log_in(page, hub.url, user, hub.passwords[user])  # first use: claims it
                _open_link(page, hub.link)
                # The hub made the learner's own system user and a home only they can open.
                home = hub.homes / user
                assert pwd.getpwnam(user).pw_uid != 0
                assert home.stat().st_uid == pwd.getpwnam(user).pw_uid
                assert stat.S_IMODE(home.stat().st_mode) == 0o700
                assert (home / COURSE / START).is_file()
                _run_until_exercise_shows(page)
                _answer(page, RIGHT if user == alice else WRONG)
                assert broken_widget_texts(page) == []
                if user == bob:
                    _bob_sees_nothing_private(hub)
                    assert page.goto(report_url).status == 403  # the class report is not his
            context.close()
        assert _progress(hub.homes, alice)[EXERCISE]["solved"] is True
        assert _progress(hub.homes, bob)[EXERCISE]["solved"] is False

        # bob tries to be alice: his own password, the old shared one, alice's name as password.
        impostor = browser.new_context().new_page()
        for guess in (hub.passwords[bob], OLD_PASSWORD, alice):
            assert not _log_in(impostor, hub.url, alice, guess), guess
        impostor.context.close()

        # The instructor's class report, from the hub: both learners.
        teacher = browser.new_context().new_page()
        with screenshot_on_failure(teacher, tmp_path, "hub-report"):
            assert _log_in(teacher, hub.url, hub.admin, hub.passwords[hub.admin])
            teacher.goto(report_url, timeout=KERNEL_TIMEOUT_MS)
            summary = teacher.locator("#summary").inner_text(timeout=KERNEL_TIMEOUT_MS)
        assert f"{alice}: 1 solved" in summary, summary
        assert f"{bob}: 0 solved, 1 tried" in summary, summary
        table = teacher.request.get(f"{report_url}class-report.csv")
        assert table.ok and EXERCISE in table.text()
        browser.close()
    assert outside == [], outside[:5]

    # Nobody is working now: the culler stops both servers once idle past the limit.
    deadline = time.monotonic() + CULL_AFTER_S + 60
    while not _learners_gone(hub.learners) and time.monotonic() < deadline:
        time.sleep(1)
    assert _learners_gone(hub.learners), hub.log.read_text()[-2000:]
    log = hub.log.read_text()
    assert all(re.search(rf"Culling server {re.escape(user)}\b", log) for user in hub.learners)


def test_the_hub_refuses_to_start_without_its_settings(tmp_path: Path):
    """A hub started without its settings says what is missing, in one line, no traceback."""
    need(os.getuid() == 0, "root (the hub refuses to run otherwise)")
    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    done = subprocess.run(
        HUB_COMMAND,
        cwd=tmp_path, env={**os.environ, "CTCOOP_HUB_STATE": str(state)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert f"no class settings at {state / 'settings.toml'}" in done.stderr + done.stdout
