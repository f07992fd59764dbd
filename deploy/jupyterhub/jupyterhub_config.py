"""JupyterHub for a bureau's 市场监管大讲堂: one server, every officer logs in, studies and hands in.

Run as root:  jupyterhub -f deploy/jupyterhub/jupyterhub_config.py   (guide: deploy/jupyterhub/README.md)

Everything a bureau changes is an environment variable (a systemd unit's Environment= lines):
  SCJG_HUB_URL        where learners connect (default http://:8000; put HTTPS in front, see the guide)
  SCJG_HUB_API_URL, SCJG_HUB_PROXY_API   the hub's and the proxy's private API (defaults 127.0.0.1:8081, :8001)
  SCJG_HUB_USERS      the account list, CSV 账号,姓名,角色,班次 (角色: 教员 or 学员); default /srv/scjg/users.csv
  SCJG_HUB_AUTH       pam (default: the machine's accounts, which SSSD can take from the bureau's LDAP/AD)
                      or dummy (tests on 127.0.0.1 only; password SCJG_HUB_PASSWORD)
  SCJG_HUB_SPAWNER    systemd (default: each learner's server in its own unit with MemoryMax/CPUQuota)
                      or local (LocalProcessSpawner: no memory/CPU limit; tests and machines without systemd)
  SCJG_HUB_MEM, SCJG_HUB_CPU   per-learner limits (default 2G and 1.0 core)
  SCJG_HUB_ROOT       the kit's data on the server (default /srv/scjg): cohorts/<班次>/ workspaces
  SCJG_EXCHANGE       nbgrader's exchange, shared by all accounts (default /srv/nbgrader/exchange)
  SCJG_DB             the gradebook for trainers (PostgreSQL URL); trainers' `scjg grade` and formgrader use it
  SCJG_HUB_USER_BIN   bin/ of the Python for learners' servers (default: the hub's; must be readable by all)
  SCJG_HUB_STATE      where the hub keeps its database and cookie secret (default /srv/scjg/hub)
  SCJG_HUB_ADMINS     comma-separated admin accounts
  SCJG_HUB_API_TOKEN  optional: a token for a "scjg-admin" service that may create users and groups (scripts)

Groups (JupyterHub groups, also nbgrader's names): trainers, learners, and per cohort (= nbgrader course)
nbgrader-<班次> (its learners) and formgrade-<班次> (its trainers). A learner's server sees only the
learner tools (the kit's Chinese assignment panel, nbgrader's trainer tools disabled); a trainer's server
opens the cohort's workspace with formgrader and the gradebook.
"""
import csv
import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub

HERE = Path(__file__).resolve().parent
KIT = HERE.parent.parent
BIN = Path(sys.executable).parent
# The Python the learners' servers run (every account must be able to read it): the hub's own by default.
USER_BIN = Path(os.environ.get("SCJG_HUB_USER_BIN") or BIN)
env = os.environ.get

ROOT = Path(env("SCJG_HUB_ROOT", "/srv/scjg"))
STATE = Path(env("SCJG_HUB_STATE", str(ROOT / "hub")))
EXCHANGE = env("SCJG_EXCHANGE", "/srv/nbgrader/exchange")
COHORTS = ROOT / "cohorts"
ROLE_CONFIG = HERE / "jupyter-config"  # learner/ and trainer/: Jupyter config dirs per role
TRAINER_WORDS = {"教员", "trainer", "instructor"}

# ------------------------------------------------------------------ hub, proxy, state
c.JupyterHub.bind_url = env("SCJG_HUB_URL", "http://:8000")
c.JupyterHub.hub_bind_url = env("SCJG_HUB_API_URL", "http://127.0.0.1:8081")
STATE.mkdir(parents=True, exist_ok=True)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.api_url = env("SCJG_HUB_PROXY_API", "http://127.0.0.1:8001")
local_proxy = KIT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"  # make proxy
if local_proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(local_proxy)]
c.JupyterHub.cleanup_servers = True
c.JupyterHub.shutdown_on_logout = True

# ------------------------------------------------------------------ accounts and groups
def read_accounts(path: Path) -> list[dict]:
    """Rows of the account list (UTF-8 or GBK; header 账号,姓名,角色,班次); [] when there is none."""
    if not path.is_file():
        return []
    data = path.read_bytes()
    text = next((data.decode(e) for e in ("utf-8-sig", "gb18030") if _decodes(data, e)), "")
    rows = []
    for row in csv.reader(text.splitlines()):
        if not row or row[0].strip() in ("", "账号") or row[0].startswith("#"):
            continue
        name, person, role, cohort = (row + ["", "", "", ""])[:4]
        rows.append({"name": name.strip().lower(), "person": person.strip(),
                     "trainer": role.strip().lower() in TRAINER_WORDS, "cohort": cohort.strip()})
    return rows


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


ACCOUNTS = read_accounts(Path(env("SCJG_HUB_USERS", str(ROOT / "users.csv"))))
groups: dict[str, set[str]] = {"trainers": set(), "learners": set()}
for account in ACCOUNTS:
    groups["trainers" if account["trainer"] else "learners"].add(account["name"])
    if account["cohort"]:
        prefix = "formgrade-" if account["trainer"] else "nbgrader-"
        groups.setdefault(prefix + account["cohort"], set()).add(account["name"])
c.JupyterHub.load_groups = {name: {"users": sorted(members)} for name, members in groups.items()}
c.Authenticator.allowed_users = {a["name"] for a in ACCOUNTS}
c.Authenticator.allow_existing_users = True  # accounts an admin adds in the admin page or by the API
c.Authenticator.admin_users = {n.strip() for n in env("SCJG_HUB_ADMINS", "").split(",") if n.strip()}

if env("SCJG_HUB_AUTH", "pam") == "dummy":
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = env("SCJG_HUB_PASSWORD", "")
else:
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.open_sessions = False

if env("SCJG_HUB_API_TOKEN"):
    c.JupyterHub.services = [{"name": "scjg-admin", "api_token": env("SCJG_HUB_API_TOKEN")}]
    c.JupyterHub.load_roles = [{
        "name": "scjg-admin",
        "scopes": ["admin:users", "admin:groups", "admin:servers", "access:servers", "tokens"],
        "services": ["scjg-admin"],
    }]

# ------------------------------------------------------------------ one server per learner, with limits
c.Spawner.cmd = [str(USER_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.mem_limit = env("SCJG_HUB_MEM", "2G")
c.Spawner.cpu_limit = float(env("SCJG_HUB_CPU", "1.0"))
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                         "PATH": f"{USER_BIN}:/usr/local/bin:/usr/bin:/bin"}
if env("SCJG_HUB_USER_LIB"):  # a Python whose libpython is not on the system's library path
    c.Spawner.environment["LD_LIBRARY_PATH"] = env("SCJG_HUB_USER_LIB")
if env("SCJG_HUB_SPAWNER", "systemd") == "systemd":
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_name_template = "jupyter-{USERNAME}"
else:
    c.JupyterHub.spawner_class = "localprocess"


def role_of(spawner) -> tuple[bool, str]:
    """(is trainer, cohort) of the spawning user, from their JupyterHub groups."""
    names = {g.name for g in spawner.user.groups}
    trainer = "trainers" in names
    cohorts = sorted(n.split("-", 1)[1] for n in names if n.startswith(("formgrade-", "nbgrader-")))
    return trainer, (cohorts[0] if cohorts else env("SCJG_DEFAULT_COHORT", "scjg"))


def prepare_home(spawner, home: Path) -> None:
    """Put the Chinese assignment panel notebook in a learner's home the first time (owned by them)."""
    target = home / "assignments.ipynb"
    if target.exists() or not home.is_dir():
        return
    shutil.copy(HERE / "assignments.ipynb", target)
    try:
        import pwd
        entry = pwd.getpwnam(spawner.user.name)
        os.chown(target, entry.pw_uid, entry.pw_gid)
    except (KeyError, PermissionError):
        pass


def pre_spawn_hook(spawner):
    """Per role: which Jupyter config dir (tools), which course (= cohort) and exchange, the gradebook."""
    trainer, cohort = role_of(spawner)
    workspace = COHORTS / cohort
    environment = {
        "SCJG_ROLE": "trainer" if trainer else "learner",
        "SCJG_COURSE_ID": cohort,
        "SCJG_EXCHANGE": EXCHANGE,
        "JUPYTER_CONFIG_PATH": str(ROLE_CONFIG / ("trainer" if trainer else "learner")),
        "JUPYTER_PATH": str(KIT / "scjg" / "labconfig"),  # the kit's kernelspec: answer magics load at start
    }
    if trainer:
        environment["SCJG_ROOT"] = str(workspace)  # scjg commands and formgrader work on the cohort
        environment["JUPYTER_CONFIG_PATH"] += os.pathsep + str(workspace / "grading")
        if env("SCJG_DB"):
            environment["SCJG_DB"] = env("SCJG_DB")
    spawner.environment.update(environment)
    lab_settings = KIT / "scjg" / "labconfig" / ("trainer" if trainer else "learner")  # 简体中文 UI (scjg lab's)
    if lab_settings.is_dir():
        kept = [a for a in spawner.args if not a.startswith("--LabApp.app_settings_dir=")]
        spawner.args = [*kept, f"--LabApp.app_settings_dir={lab_settings}"]
    try:
        import pwd
        home = Path(pwd.getpwnam(spawner.user.name).pw_dir)
    except KeyError:
        home = Path.home()
    if not trainer:
        prepare_home(spawner, home)


c.Spawner.pre_spawn_hook = pre_spawn_hook
