"""Throwaway servers on this machine for the hub tests and the load benchmark (not used in production).

- `PostgresServer`: Debian's PostgreSQL 15 (initdb + pg_ctl) in a temporary folder, listening only on a
  Unix socket there (no TCP port), run as an unprivileged account (the server refuses root): the
  `postgres` system account when we are root, else ourselves. `url` is a SQLAlchemy URL for psycopg.
- `system_user` / `remove_system_user`: real Linux accounts for learners and trainers (home 0700).

Every process started here is stopped by `stop()` / the context manager, also when a test fails.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("SCJG_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_user(user: str | None) -> list[str]:
    """Command prefix that runs the rest as `user` (nothing when None or already that user)."""
    if user is None or pwd.getpwuid(os.geteuid()).pw_name == user:
        return []
    return ["runuser", "-u", user, "--"]


class PostgresServer:
    """A private PostgreSQL cluster on a Unix socket under a temporary folder; database `scjg`, role `scjg`."""

    def __init__(self, port: int = 54329, database: str = "scjg", role: str = "scjg"):
        if not (PG_BIN / "initdb").is_file():
            raise RuntimeError(f"找不到 PostgreSQL 程序 {PG_BIN}/initdb：请安装 postgresql（Debian: apt-get install postgresql）")
        self.port, self.database, self.role = port, database, role
        self.user = "postgres" if os.geteuid() == 0 else None
        self.base = Path(tempfile.mkdtemp(prefix="scjg-pg-"))
        self.data = self.base / "data"
        self.socket_dir = self.base
        self.started = False

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{self.role}@/{self.database}?host={self.socket_dir}&port={self.port}"

    def _run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([*_as_user(self.user), *args], check=True, capture_output=True, text=True, **kwargs)

    def start(self) -> "PostgresServer":
        self.base.chmod(0o755)
        if self.user:
            shutil.chown(self.base, self.user)
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
                  "-U", "postgres")
        options = f"-c listen_addresses='' -c port={self.port} -c unix_socket_directories={self.socket_dir} " \
                  "-c unix_socket_permissions=0777 -c fsync=off -c max_connections=200 -c shared_buffers=32MB"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"), "-o", options,
                  "-w", "-t", "60", "start")
        self.started = True
        self.sql(f"CREATE ROLE {self.role} LOGIN")
        self.sql(f"CREATE DATABASE {self.database} OWNER {self.role}")
        return self

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one statement as the superuser through psql; its unaligned output."""
        return self._run(str(PG_BIN / "psql") if (PG_BIN / "psql").is_file() else "psql",
                         "-h", str(self.socket_dir), "-p", str(self.port), "-U", "postgres", "-d", database,
                         "-At", "-v", "ON_ERROR_STOP=1", "-c", statement).stdout

    def stop(self) -> None:
        if self.started:
            subprocess.run([*_as_user(self.user), str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                            "-w", "stop"], capture_output=True)
            self.started = False
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> "PostgresServer":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def system_user(name: str, groups: tuple[str, ...] = ()) -> pwd.struct_passwd:
    """Create a Linux account with a private home (0700); groups are created when missing."""
    for group in groups:
        subprocess.run(["groupadd", "-f", group], check=True, capture_output=True)
    args = ["useradd", "--create-home", "--shell", "/bin/bash", "--user-group"]
    if groups:
        args += ["--groups", ",".join(groups)]
    subprocess.run([*args, name], check=True, capture_output=True)
    entry = pwd.getpwnam(name)
    os.chmod(entry.pw_dir, 0o700)
    return entry


def remove_system_user(name: str) -> None:
    """Remove an account made by system_user, its home and its processes (quietly if already gone)."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return
    import psutil
    uid = pwd.getpwnam(name).pw_uid
    for proc in psutil.process_iter(["uids"]):
        if proc.info["uids"] and proc.info["uids"].real == uid:
            try:
                proc.kill()
            except psutil.NoSuchProcess:
                pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if subprocess.run(["userdel", "--remove", name], capture_output=True).returncode == 0:
            return
        time.sleep(0.2)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackHub:
    """deploy/jupyterhub/jupyterhub_config.py on 127.0.0.1 with the dummy authenticator and local spawner.

    `base` holds the shared folders (exchange, cohorts, the hub's state); `api()` talks to the hub's REST API
    with an admin service token; `stop()` stops every server, the hub and its proxy."""

    def __init__(self, base: Path, db_url: str = "", spawner: str = "local", extra_env: dict | None = None):
        import secrets
        self.base = Path(base)
        self.port, self.api_port, self.proxy_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(32)
        self.exchange = self.base / "exchange"
        self.cohorts = self.base / "cohorts"
        self.state = self.base / "hub"
        for folder in (self.exchange, self.cohorts, self.state):
            folder.mkdir(parents=True, exist_ok=True)
        self.base.chmod(0o755)
        self.exchange.chmod(0o777)
        self.cohorts.chmod(0o755)
        self.env = dict(os.environ, SCJG_HUB_URL=self.url, SCJG_HUB_API_URL=f"http://127.0.0.1:{self.api_port}",
                        SCJG_HUB_PROXY_API=f"http://127.0.0.1:{self.proxy_port}", SCJG_HUB_AUTH="dummy",
                        SCJG_HUB_PASSWORD="", SCJG_HUB_SPAWNER=spawner, SCJG_HUB_ROOT=str(self.base),
                        SCJG_HUB_STATE=str(self.state), SCJG_EXCHANGE=str(self.exchange), SCJG_DB=db_url,
                        SCJG_HUB_USERS=str(self.base / "users.csv"), SCJG_HUB_API_TOKEN=self.token,
                        **(extra_env or {}))
        self.process: subprocess.Popen | None = None
        self.users: list[str] = []

    def start(self, timeout: float = 90) -> "LoopbackHub":
        import sys
        config = Path(__file__).resolve().parent / "jupyterhub_config.py"
        log = open(self.state / "hub.log", "wb")
        self.process = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
                                        cwd=self.state, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("JupyterHub 启动失败：\n" + self.log()[-3000:])
            try:
                if self.api("GET", "/").status_code == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("JupyterHub 未能在限定时间内启动：\n" + self.log()[-3000:])

    def log(self) -> str:
        path = self.state / "hub.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def api(self, method: str, path: str, token: str | None = None, **kwargs):
        import requests
        headers = {"Authorization": f"token {token or self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def add_user(self, name: str, groups: tuple[str, ...]) -> None:
        """Create the hub user (the system account must exist) and put them in the groups."""
        assert self.api("POST", f"/users/{name}").status_code in (201, 409), self.log()[-2000:]
        self.users.append(name)
        for group in groups:
            if self.api("GET", f"/groups/{group}").status_code == 404:
                self.api("POST", f"/groups/{group}")
            assert self.api("POST", f"/groups/{group}/users", json={"users": [name]}).status_code == 200

    def user_token(self, name: str) -> str:
        reply = self.api("POST", f"/users/{name}/tokens", json={"note": "scjg test", "expires_in": 3600})
        assert reply.status_code == 201, reply.text
        return reply.json()["token"]

    def spawn(self, name: str, timeout: float = 180) -> float:
        """Start the user's server and wait until it answers through the proxy; seconds it took."""
        start = time.monotonic()
        reply = self.api("POST", f"/users/{name}/server")
        assert reply.status_code in (201, 202), reply.text + self.log()[-2000:]
        while time.monotonic() - start < timeout:
            server = (self.api("GET", f"/users/{name}").json().get("servers") or {}).get("")
            if server and server.get("ready"):
                if self.server(name, "GET", "/api/status").status_code == 200:
                    return time.monotonic() - start
            time.sleep(0.5)
        raise RuntimeError(f"{name} 的服务器未能启动：\n" + self.log()[-3000:])

    def server(self, name: str, method: str, path: str, token: str | None = None, **kwargs):
        """A request to a user's server through the hub's proxy."""
        import requests
        headers = {"Authorization": f"token {token or self.token}"}
        return requests.request(method, f"{self.url}/user/{name}{path}", headers=headers, timeout=120, **kwargs)

    def kernel(self, name: str) -> "Kernel":
        reply = self.server(name, "POST", "/api/kernels", json={"name": "python3"})
        assert reply.status_code == 201, reply.text
        return Kernel(self, name, reply.json()["id"])

    def server_pids(self) -> dict[str, int]:
        """The process id of each user's server (from the hub's API)."""
        pids = {}
        for name in self.users:
            server = (self.api("GET", f"/users/{name}").json().get("servers") or {}).get("")
            if server and (server.get("state") or {}).get("pid"):
                pids[name] = server["state"]["pid"]
        return pids

    def stop(self) -> list[int]:
        """Stop every user's server, then the hub and its proxy (by their process ids); returns the ids of
        those that had to be killed because they outlived the hub's own shutdown (none when all is well)."""
        import signal

        import psutil
        started: list[int] = []
        if self.process is not None and self.process.poll() is None:
            try:
                started = list(self.server_pids().values())
            except OSError:
                pass
            pid_file = self.state / "jupyterhub-proxy.pid"
            if pid_file.exists():
                started.append(int(pid_file.read_text().strip()))
            for name in self.users:
                try:
                    self.api("DELETE", f"/users/{name}/server")
                except OSError:
                    pass
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        leftover = []
        for pid in started:
            try:
                if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                    leftover.append(pid)
                    os.kill(pid, signal.SIGKILL)
            except (psutil.NoSuchProcess, ProcessLookupError):
                pass
        return leftover


def _decode(frame: str | bytes) -> dict:
    """A kernel message from a websocket frame: JSON text, or Jupyter's binary frame (a message with
    buffers: a count, offsets, then the JSON and the buffers)."""
    import json
    if not frame:
        raise ConnectionError("内核的 websocket 连接已关闭")
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 * (i + 1):4 * (i + 2)], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0]:end].decode("utf-8"))


class Kernel:
    """A kernel on a user's server, driven over its websocket through the hub's proxy."""

    def __init__(self, hub: LoopbackHub, user: str, kernel_id: str):
        import uuid

        import websocket
        self.hub, self.user, self.id = hub, user, kernel_id
        self.session = uuid.uuid4().hex
        url = hub.url.replace("http", "ws", 1) + f"/user/{user}/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {hub.token}"], timeout=300)

    def run(self, code: str) -> dict:
        """Execute `code`; {"stdout", "stderr", "outputs" (nbformat outputs), "error" (ename or None)}."""
        import datetime as dt
        import json
        import uuid
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.user,
                       "session": self.session, "version": "5.3", "date": dt.datetime.now(dt.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        result = {"stdout": "", "stderr": "", "outputs": [], "error": None}
        while True:
            msg = _decode(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id or msg.get("channel") != "iopub":
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content.get("execution_state") == "idle":
                return result
            if kind == "stream":
                result[content["name"]] += content["text"]
                result["outputs"].append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("execute_result", "display_data"):
                out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
                if kind == "execute_result":
                    out["execution_count"] = content.get("execution_count")
                result["outputs"].append(out)
            elif kind == "error":
                result["error"] = content["ename"]
                result["outputs"].append({"output_type": "error", "ename": content["ename"],
                                          "evalue": content["evalue"], "traceback": content["traceback"]})

    def value(self, code: str):
        """Run `code` whose last line prints JSON; the decoded value (AssertionError with the output on failure)."""
        import json
        out = self.run(code)
        assert out["error"] is None, out
        return json.loads(out["stdout"].strip().splitlines()[-1])

    def close(self) -> None:
        self.ws.close()
        self.hub.server(self.user, "DELETE", f"/api/kernels/{self.id}")


def readable_by_all(path: Path) -> bool:
    """Can any account reach `path` (every folder above it searchable by others)?"""
    path = Path(path).resolve()
    return all(p.stat().st_mode & 0o001 for p in path.parents)


def python_for_all(base: Path) -> Path:
    """A bin/ folder with this kit's Python that every account can run; returns it.

    This Python may sit where other accounts cannot go (pyenv under /root, mode 0700). Then its interpreter,
    shared library and standard library are copied into `base/python`, which reads this venv's packages
    (site-packages, share/, etc/) and has this venv's command scripts re-pointed at it. Processes started
    from it need LD_LIBRARY_PATH=`base/python/lib` (the copy's libpython)."""
    import sys
    here = Path(sys.executable)
    if readable_by_all(here.resolve()):
        return here.parent
    source, venv = Path(sys.base_prefix), Path(sys.prefix)
    stdlib = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    target = Path(base) / "python"
    skip = shutil.ignore_patterns("site-packages", "test", "idlelib", "tkinter", "turtledemo", "ensurepip")
    shutil.copytree(source / "lib" / stdlib, target / "lib" / stdlib, ignore=skip, symlinks=True)
    for lib in (source / "lib").glob("libpython*.so*"):
        shutil.copy2(lib, target / "lib" / lib.name, follow_symlinks=True)
    (target / "bin").mkdir(parents=True)
    shutil.copy2(here.resolve(), target / "bin" / stdlib)
    for alias in ("python", "python3"):
        (target / "bin" / alias).symlink_to(stdlib)
    # the venv's packages as hard links (same file system: instant), so that a sandbox binding only
    # sys.prefix (scjg grade's confined kernels) still finds them
    shutil.copytree(venv / "lib" / stdlib / "site-packages", target / "lib" / stdlib / "site-packages",
                    copy_function=os.link, symlinks=True)
    for name in ("share", "etc"):
        (target / name).symlink_to(venv / name)
    python = target / "bin" / "python"
    for script in (venv / "bin").iterdir():
        if script.is_file() and not script.is_symlink() and not (target / "bin" / script.name).exists():
            head, _, body = script.read_bytes().partition(b"\n")
            if head.startswith(b"#!") and head[2:].strip() == str(venv / "bin" / "python").encode():
                (target / "bin" / script.name).write_bytes(b"#!" + str(python).encode() + b"\n" + body)
                (target / "bin" / script.name).chmod(0o755)
    for path in [target, target / "bin", *(target / "bin").iterdir(), *(target / "lib").iterdir()]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o005 if path.is_dir() else path.stat().st_mode | 0o004)
    return target / "bin"


def cohort_workspace(hub: LoopbackHub, cohort: str, owner: str, kit: Path) -> Path:
    """A cohort's workspace as `scjg cohort new` lays it out (lessons, notebooks, grading with course_id),
    owned by the trainer `owner` and closed to everyone else (answer keys, submissions, gradebook)."""
    workspace = hub.cohorts / cohort
    (workspace / "grading").mkdir(parents=True)
    config = (kit / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    (workspace / "grading" / "nbgrader_config.py").write_text(
        config + f"\nc.CourseDirectory.course_id = {cohort!r}\n", encoding="utf-8")
    for name in ("lessons", "notebooks"):
        shutil.copytree(kit / name, workspace / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    entry = pwd.getpwnam(owner)
    for path in [workspace, *workspace.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    workspace.chmod(0o700)
    return workspace


def answered(kit: Path, lesson: str, released: dict, all_right: bool = True, learner: tuple[str, str] | None = None):
    """The fetched lesson with a learner's answers typed in as a learner types them (plain text after
    `%%answer`): the key, or the key with its first answer wrong; `learner` (id, name) fills 学员信息."""
    import nbformat

    from scjg.grading.demo import _wrong
    from scjg.grading.fill import fill_learner, magic_answers, solution_answers, type_answers, written_answers

    source = nbformat.read(str(kit / "lessons" / lesson / f"{lesson}.ipynb"), as_version=4)
    key, typed = solution_answers(source), magic_answers(source)
    first = sorted(key)[0]
    answers = dict(key) if all_right else {**key, first: _wrong(key[first], first in typed)}
    nb = type_answers(nbformat.from_dict(released), answers, written_answers(source))
    return fill_learner(nb, *learner) if learner else nb


def run_cells(kernel: "Kernel", nb) -> list[str]:
    """Run every code cell of `nb` in the kernel, keeping the outputs in the notebook; the errors met."""
    import nbformat
    errors = []
    for count, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), start=1):
        out = kernel.run(cell.source)
        cell.outputs = [nbformat.from_dict(o) for o in out["outputs"]]
        cell.execution_count = count
        if out["error"]:
            errors.append(out["error"])
    return errors


def in_kernel(kernel: "Kernel", *command: str, cwd: str) -> str:
    """A command run from the kernel (as its account, in its server's environment); its output, or an
    AssertionError with it when the command fails."""
    result = kernel.value(
        "import subprocess, json\n"
        f"p = subprocess.run({list(command)!r}, cwd={cwd!r}, capture_output=True, text=True)\n"
        "print(json.dumps([p.returncode, p.stdout + p.stderr]))")
    assert result[0] == 0, result[1]
    return result[1]


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children, in bytes (0 when gone)."""
    import psutil
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total
