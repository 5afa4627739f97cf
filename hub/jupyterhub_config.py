"""JupyterHub for a small class on one machine, as the course's hub test runs it.

Start it from a checkout whose environment has the course installed
(``./course test`` makes one; on a server, install ``requirements/dev.txt`` and
``pip install -e .``) and with Node's ``configurable-http-proxy`` on the PATH::

    CTCOOP_HUB_DIR=/srv/ctcoop-hub CTCOOP_HUB_PASSWORD=... jupyterhub -f hub/jupyterhub_config.py

Every learner gets their own home folder under ``$CTCOOP_HUB_DIR/home``; the
course arrives there through the instructor's nbgitpuller link, and each
learner's progress file is ``~/.ctcoop/progress.json`` in that home.

Two choices here are for a small class or a trial run, and say so:

- The *dummy* authenticator lets anyone in who knows the shared password. For a
  real class, use your institution's login instead (an OAuthenticator, LDAP,
  or the hub's NativeAuthenticator) by changing ``authenticator_class``.
- The *simple* local-process spawner runs every learner's server as the same
  system user, with separate home folders but no isolation between them. For
  more than a trial, use The Littlest JupyterHub (system users, one machine) or
  Zero to JupyterHub on Kubernetes (see INSTRUCTORS.md).
"""

# JupyterHub runs this file with ``get_config`` defined.
# ruff: noqa: F821

import os
import sys
from pathlib import Path

c = get_config()

state = Path(os.environ.get("CTCOOP_HUB_DIR", "/srv/ctcoop-hub")).resolve()
state.mkdir(parents=True, exist_ok=True)
bin_dir = Path(sys.executable).parent  # the environment the hub runs in serves the learners too
port = int(os.environ.get("CTCOOP_HUB_PORT", "8000"))

c.JupyterHub.bind_url = f"http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("CTCOOP_HUB_API_PORT", port + 81))
proxy_api_port = int(os.environ.get("CTCOOP_PROXY_API_PORT", port + 1))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [os.environ.get("CTCOOP_PROXY", "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.check_running_servers = False

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["CTCOOP_HUB_PASSWORD"]
c.Authenticator.allow_all = True
c.Authenticator.admin_users = set(filter(None, [os.environ.get("CTCOOP_HUB_ADMIN")]))

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "home" / "{username}")
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = [
    # A class hub needs no news feed, update check or extension listing from the internet.
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
]
if os.getuid() == 0:  # containers and test machines run as root
    c.Spawner.args.append("--allow-root")
