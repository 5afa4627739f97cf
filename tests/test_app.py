"""The capstone app in a real browser: Voila serves ``app/country_profile.ipynb`` offline,
shows no code, and picking a country updates the profile without widget errors.

Uses Debian's Chromium through ``browser_support`` (skipped where it is missing, as the
JupyterLab browser test is). The first render is timed and printed (``-s`` shows it), not
asserted: performance is measured by the benchmarks, never by tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("playwright")
from browser_support import (  # noqa: E402  (after the skip, as test_browser does)
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    LOCAL_HOSTS,
    broken_widget_texts,
    chromium_browser,
    free_port,
    record_outside_requests,
    screenshot_on_failure,
)
from playwright.sync_api import Browser  # noqa: E402

from ctcoop.paths import repo_root  # noqa: E402

APP = repo_root() / "app" / "country_profile.ipynb"
# Voila's own "lab" template links two Font Awesome stylesheets from a CDN. Offline they fail
# (the test aborts them) and nothing breaks: the icons the widgets use are bundled.
VOILA_TEMPLATE_CSS = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@"
RENDER_TIMEOUT_MS = 3 * KERNEL_TIMEOUT_MS  # Voila runs the whole notebook before it shows it;
# on 2 shared cores under a full test run that has taken well over two minutes
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Voila server for the app on a free local port, with its own Jupyter folders."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package")
    home = tmp_path_factory.mktemp("voila")
    port = free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    log = (home / "voila.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voila",
            str(APP),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--port={port}",
            "--Voila.port_retries=0",
        ],
        cwd=APP.parent,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"Voila exited: {(home / 'voila.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(url + "api/status", timeout=5):
                    break
            except urllib.error.HTTPError:
                break  # the server answers, even if not on that path
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        yield url
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium_browser() as browser:
        yield browser


def test_app_serves_offline_and_updates_on_a_new_country(
    voila: str, browser: Browser, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = record_outside_requests(context)
    context.route(
        lambda url: urlsplit(url).hostname not in LOCAL_HOSTS, lambda route: route.abort()
    )  # as offline: nothing leaves the machine
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path, "voila-country-profile"):
        start = time.monotonic()
        page.goto(voila, wait_until="commit", timeout=KERNEL_TIMEOUT_MS)
        heading = page.locator("h2", has_text="Kenya (KEN)")
        heading.wait_for(timeout=RENDER_TIMEOUT_MS)
        print(
            f"\nfirst render of the app (page load to the Kenya profile): "
            f"{time.monotonic() - start:.1f} s"
        )
        body = page.locator("body").inner_text()
        assert "profile_view" not in body and "import" not in body  # no code shown
        assert "What these data do not say" in body

        page.locator("select").first.select_option(label="Pakistan (PAK)")
        page.locator("h2", has_text="Pakistan (PAK)").wait_for(timeout=60_000)
        assert page.locator("h2", has_text="Kenya (KEN)").count() == 0
        body = page.locator("body").inner_text()
        assert "APG" in body  # Pakistan's FATF-style regional body
        assert not broken_widget_texts(page)
        assert not [url for url in outside if not url.startswith(VOILA_TEMPLATE_CSS)], outside
    context.close()
