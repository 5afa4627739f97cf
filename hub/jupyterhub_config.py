"""JupyterHub for a class on one machine: one account and one system user per learner.

This is the configuration INSTRUCTORS.md recommends and ``tests/test_hub.py``
runs. Start it as root (the hub must switch to each learner's system user)
from a checkout whose environment has the course installed, with Node's
``configurable-http-proxy`` on the PATH::

    CTCOOP_HUB_STATE=/srv/ctcoop-hub jupyterhub -f hub/jupyterhub_config.py

``$CTCOOP_HUB_STATE`` (default ``/srv/ctcoop-hub``) is the hub's own folder:
owned by the hub's user, mode 700, never inside the learners' homes folder.
It holds the class settings (``settings.toml``, mode 600; see
``hub/settings.example.toml``) and everything secret the hub makes: the
cookie secret, the database, the proxy's token and the learners' password
hashes, each mode 600. What each choice protects against:

- **Login** (FirstUseAuthenticator): each name's password is set at its first
  login and only that password opens it afterwards, so nobody can take a
  classmate's account once it is claimed; ``learners`` in the settings limits
  the names to the class list. To use your institution's login instead, change
  the one ``authenticator_class`` line below (see INSTRUCTORS.md).
- **Isolation** (LocalProcessSpawner): each learner's server runs as their own
  system user, made by the hub at first start, in a home of mode 700; the hub
  refuses to start a server for any account it did not make (root included).
  A learner's server gets none of the hub's environment.
- **Memory**: LocalProcessSpawner does not enforce ``mem_limit``; a learner
  can use the machine's memory. Where a limit is needed, use
  ``jupyterhub-systemdspawner`` (``mem_limit``, enforced by systemd) or Zero
  to JupyterHub on Kubernetes (``singleuser.memory.limit``).
- **Idle servers** are stopped by ``jupyterhub-idle-culler``; the instructor
  (``admin``) opens the class report at ``/services/class-report/``.
"""

# JupyterHub runs this file with ``get_config`` defined.
# ruff: noqa: F821

import grp
import json
import os
import pwd
import secrets
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _refuse(message: str) -> None:
    """Stop the hub with one plain sentence instead of a traceback."""
    raise SystemExit(f"ctcoop hub: {message}")


def _private(path: Path, kind: str) -> None:
    """``path`` must belong to the hub's user and be closed to everyone else."""
    info = path.stat()
    if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077:
        _refuse(
            f"{kind} {path} must belong to the hub's user and be closed to others "
            f"(chown {os.getuid()} {path}; chmod {'700' if path.is_dir() else '600'} {path})"
        )


def _secret_file(path: Path) -> str:
    """A token kept in ``path`` (mode 600), made on first start."""
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    _private(path, "secret file")
    return path.read_text().strip()


os.umask(0o077)  # whatever the hub writes (database, cookie secret, passwords) is its own
if os.getuid() != 0:
    _refuse("start the hub as root: it runs each learner's server as their own system user")
state = Path(os.environ.get("CTCOOP_HUB_STATE", "/srv/ctcoop-hub")).resolve()
settings_file = state / "settings.toml"
if not settings_file.is_file():
    _refuse(
        f"no class settings at {settings_file}. Create {state} (mode 700), copy "
        f"hub/settings.example.toml to {settings_file} (mode 600) and fill it in, "
        "or point CTCOOP_HUB_STATE at the folder that holds it."
    )
_private(state, "the hub's folder")
_private(settings_file, "the settings file")
try:
    settings = tomllib.loads(settings_file.read_text(encoding="utf-8"))
except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
    _refuse(f"{settings_file} is not valid TOML ({error})")
if not str(settings.get("admin", "")).strip():
    _refuse(f'{settings_file} names no instructor: add a line  admin = "your-name"')
homes = Path(settings.get("homes", "/home")).resolve()
if state.is_relative_to(homes) or homes.is_relative_to(state):
    _refuse(f"the hub's folder {state} and the learners' homes {homes} must be apart")
admin = str(settings["admin"]).strip().lower()
group = str(settings.get("learner_group", "ctcoop-learners"))
port = int(settings.get("port", 8000))
cull_after = int(settings.get("cull_idle_after", 3600))
# The Python of learners' servers and kernels; every learner must be able to read it.
learner_python = str(settings.get("learner_python", sys.executable))
if not homes.exists():
    homes.mkdir(parents=True)
    homes.chmod(0o755)  # each learner must reach their own home; the homes stay 700
subprocess.run(["groupadd", "--force", group], check=True)  # the learners' group, once

c = get_config()

# -- Where the hub listens, and its secrets (all inside the hub's own folder) --------------
c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"  # put HTTPS (nginx, Caddy) in front
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(settings.get("hub_api_port", port + 81))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(settings.get('proxy_api_port', port + 1))}"
)
c.ConfigurableHTTPProxy.command = [str(settings.get("proxy", "configurable-http-proxy"))]
c.ConfigurableHTTPProxy.auth_token = _secret_file(state / "proxy_token")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.last_activity_interval = int(settings.get("activity_interval", 300))

# -- Login: one account per learner. The one line to change for an institution's login: ----
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
# e.g. "generic-oauth" (OAuthenticator), "ldapauthenticator.LDAPAuthenticator" or
# "ltiauthenticator.lti13.authenticator.LTI13Authenticator" (each needs its own settings).
c.FirstUseAuthenticator.dbm_path = str(state / "passwords.dbm")
c.FirstUseAuthenticator.create_users = True  # a listed name is claimed by its first login
c.FirstUseAuthenticator.min_password_length = 8
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{0,31}$"  # also a valid system user name
c.Authenticator.admin_users = {admin}
c.Authenticator.blocked_users = {"root"}
learners = [str(name).strip().lower() for name in settings.get("learners", [])]
if learners:
    c.Authenticator.allowed_users = set(learners)
else:  # no class list: any new name may be claimed (say so to the class)
    c.Authenticator.allow_all = True


# -- Isolation: one system user per learner, made by the hub, home mode 700 ---------------
# No news prompt, and the notebook's own kernel without a "Select Kernel" dialog, for learners.
LEARNER_LAB_SETTINGS = {
    "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "notebook-extension/tracker": {"autoStartDefaultKernel": True},
}


def _make_learner(spawner) -> None:
    """Create the learner's system user on first start; refuse accounts the hub did not make.

    Only members of ``learner_group`` with their home in ``homes`` get a
    server, so a name such as ``root`` or ``daemon`` never runs as that account.
    """
    name = spawner.user.name
    home = homes / name
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--create-home", "--home-dir", str(home), "--groups", group,
             "--shell", "/bin/bash", "--comment", "ctcoop learner", name],
            check=True, capture_output=True,
        )  # fmt: skip
        account = pwd.getpwnam(name)
        for plugin, values in LEARNER_LAB_SETTINGS.items():
            path = home / ".jupyter/lab/user-settings/@jupyterlab" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        for path in [home / ".jupyter", *(home / ".jupyter").rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
    if (
        account.pw_uid == 0
        or name not in grp.getgrnam(group).gr_mem
        or Path(account.pw_dir).resolve() != home
    ):
        raise RuntimeError(f"{name!r} is not a learner account made by this hub; no server")
    os.chmod(home, 0o700)


c.JupyterHub.spawner_class = "localprocess"
c.Spawner.pre_spawn_hook = _make_learner
c.Spawner.cmd = [learner_python, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.env_keep = ["LANG", "LC_ALL"]  # nothing else of the hub's environment
c.Spawner.environment = {"PATH": f"{Path(learner_python).parent}:/usr/local/bin:/usr/bin:/bin"}
c.Spawner.args = [
    # A class hub needs no news feed, update check or extension listing from the internet.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]

# -- Class operations: the idle culler and the instructor's class report -------------------
report_port = int(settings.get("report_port", port + 82))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={cull_after}",
            f"--cull-every={int(settings.get('cull_every', 300))}",
        ],
    },
    {
        "name": "class-report",
        "url": f"http://127.0.0.1:{report_port}",
        "command": [sys.executable, str(HERE / "class_report_service.py")],
        "environment": {
            "CTCOOP_REPORT_HOMES": str(homes),
            "CTCOOP_REPORT_GROUP": group,
            "CTCOOP_REPORT_ADMINS": admin,
            "CTCOOP_REPORT_PYTHON": learner_python,
        },
        "oauth_no_confirm": True,
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
    {
        "name": "instructor",
        "scopes": ["access:services!service=class-report"],
        "users": [admin],
    },
]
