"""The instructor's class report as a JupyterHub service: ``/services/class-report/``.

The hub starts this with its own privileges (``hub/jupyterhub_config.py``).
Opening the page builds ``ctcoop-class-report`` over every learner's
``~/.ctcoop/progress.json`` without anyone copying files by hand. Why it is
built this way:

- Only the hub's admins (``$CTCOOP_REPORT_ADMINS``) see it: the hub's OAuth
  says who is asking, and everyone else gets 403. Learners stay apart: the
  service reads their files, no learner reads another's.
- Each learner's progress is read by a short ``python -I`` run *as that
  learner* (their uid, their home), which prints their export. So a file a
  learner made strange is parsed with the learner's rights, nothing the
  service writes lands in their home as root, and the root side only reads
  exports through the class report's own checks.
- Only members of the hub's learner group (``$CTCOOP_REPORT_GROUP``) whose
  home is in ``$CTCOOP_REPORT_HOMES`` are read.
"""

from __future__ import annotations

import grp
import html
import os
import pwd
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import ioloop, web

from ctcoop.record.class_report import ClassReport, class_report

EXPORT_AS_LEARNER = """
import sys, tempfile
from ctcoop.record.export import export_progress
with tempfile.TemporaryDirectory() as folder:
    sys.stdout.write(export_progress(folder, fmt="json", name=sys.argv[1]).read_text("utf-8"))
"""
MAX_EXPORT_BYTES = 5_000_000
HOMES = Path(os.environ.get("CTCOOP_REPORT_HOMES", "/home")).resolve()
GROUP = os.environ.get("CTCOOP_REPORT_GROUP", "ctcoop-learners")
PYTHON = os.environ.get("CTCOOP_REPORT_PYTHON", sys.executable)  # the learners' Python
ADMINS = set(filter(None, os.environ.get("CTCOOP_REPORT_ADMINS", "").split(",")))


def learners() -> list[pwd.struct_passwd]:
    """The hub's learners: members of its group whose home is in the homes folder."""
    try:
        members = grp.getgrnam(GROUP).gr_mem
    except KeyError:
        return []
    accounts = []
    for name in sorted(members):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        if account.pw_uid != 0 and Path(account.pw_dir).resolve().parent == HOMES:
            accounts.append(account)
    return accounts


def export_of(account: pwd.struct_passwd) -> tuple[str, str]:
    """One learner's export (JSON text), made as that learner; or ``("", reason)``."""
    env = {
        "HOME": account.pw_dir,
        "PATH": f"{Path(PYTHON).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    try:
        done = subprocess.run(
            [PYTHON, "-I", "-c", EXPORT_AS_LEARNER, account.pw_name],
            user=account.pw_uid,
            group=account.pw_gid,
            extra_groups=[],
            env=env,
            cwd=account.pw_dir,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return "", f"could not read {account.pw_name}'s progress ({error})"
    if done.returncode != 0 or len(done.stdout) > MAX_EXPORT_BYTES:
        return "", f"could not read {account.pw_name}'s progress (exit {done.returncode})"
    return done.stdout.decode("utf-8", "replace"), ""


def build(folder: Path) -> ClassReport:
    """Every learner's export into ``folder``, then the class report over them."""
    files, problems = [], []
    for account in learners():
        text, problem = export_of(account)
        if problem:
            problems.append(problem)
            continue
        path = folder / "exports" / f"{account.pw_uid}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        files.append(path)
    report = class_report(files, out=folder)
    report.skipped[:0] = problems
    return report


class ReportHandler(HubOAuthenticated, web.RequestHandler):
    """The report page, and its table and figure, for the hub's admins only."""

    @web.authenticated
    def get(self, name: str = "") -> None:
        user = self.get_current_user() or {}
        if user.get("name") not in ADMINS:
            raise web.HTTPError(403, "the class report is for the instructor")
        folder: Path = self.application.settings["folder"]
        if name:
            target = folder / name
            if not target.is_file():
                raise web.HTTPError(404)
            kind = "text/csv; charset=utf-8" if name.endswith(".csv") else "image/png"
            self.set_header("Content-Type", kind)
            self.set_header("Content-Disposition", f"attachment; filename={name}")
            self.finish(target.read_bytes())
            return
        report = build(folder)
        lines = "\n".join(report.skipped + [report.summary()])
        links = (
            '<p><a href="class-report.csv">class-report.csv</a> · '
            '<a href="class-report.png">class-report.png</a></p>'
            if report.table
            else "<p>No learner has progress yet.</p>"
        )
        self.finish(
            "<!doctype html><title>Class report</title><h1>Class report</h1>"
            f'<pre id="summary">{html.escape(lines)}</pre>{links}'
            f"<p>{html.escape(report.caption)}</p>"
        )


def main() -> None:
    """Serve on the address the hub gave (``$JUPYTERHUB_SERVICE_URL``)."""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/class-report/")
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:8082"))
    folder = Path(tempfile.mkdtemp(prefix="ctcoop-class-report-"))  # mode 700, the hub's
    app = web.Application(
        [
            (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
            (url_path_join(prefix, r"(class-report\.(?:csv|png))"), ReportHandler),
            (prefix, ReportHandler),
        ],
        cookie_secret=os.urandom(32),
        folder=folder,
    )
    app.listen(url.port or 80, url.hostname or "127.0.0.1")
    try:
        ioloop.IOLoop.current().start()
    except KeyboardInterrupt:  # the hub stops its services with SIGINT
        pass


if __name__ == "__main__":
    main()
